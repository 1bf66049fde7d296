import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { Repository } from 'typeorm';
import { User } from './user.entity';

const hash = promisify(scrypt) as (password: string, salt: string, length: number) => Promise<Buffer>;

@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  findById(id: number) {
    return this.users.findOneBy({ id });
  }

  list() {
    return this.users.find({ order: { id: 'DESC' }, take: 50 });
  }

  async verify(email: string, password: string) {
    const user = await this.users.findOneBy({ email });
    if (!user) return null;
    const [salt, stored] = user.passwordHash.split(':');
    const derived = await hash(password, salt, 64);
    return timingSafeEqual(derived, Buffer.from(stored, 'hex')) ? user : null;
  }
}
