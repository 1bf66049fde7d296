import { BeforeInsert, Column, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { Post } from './Post';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ unique: true })
  email!: string;

  @Column({ name: 'display_name' })
  displayName!: string;

  @Column()
  passwordHash!: string;

  @OneToMany(() => Post, (post) => post.author)
  posts!: Post[];

  @BeforeInsert()
  normalizeEmail() {
    this.email = this.email.toLowerCase();
  }
}
