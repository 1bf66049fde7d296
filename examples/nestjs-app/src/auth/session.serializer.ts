import { Injectable } from '@nestjs/common';
import { PassportSerializer } from '@nestjs/passport';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';

@Injectable()
export class SessionSerializer extends PassportSerializer {
  constructor(private readonly users: UsersService) {
    super();
  }

  serializeUser(user: User, done: (err: Error | null, id?: number) => void) {
    done(null, user.id);
  }

  async deserializeUser(id: number, done: (err: Error | null, user?: User | null) => void) {
    done(null, await this.users.findById(id));
  }
}
