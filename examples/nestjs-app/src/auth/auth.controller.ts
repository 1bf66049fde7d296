import { Controller, Post, Req, SetMetadata, UseGuards } from '@nestjs/common';
import type { Request } from 'express';
import { PUBLIC } from './authenticated.guard';
import { LoginGuard } from './login.guard';

@Controller('auth')
export class AuthController {
  @Post('login')
  @SetMetadata(PUBLIC, true)
  @UseGuards(LoginGuard)
  login(@Req() req: Request) {
    return req.user;
  }

  @Post('logout')
  logout(@Req() req: Request) {
    return new Promise((resolve) => req.logout(() => resolve({ ok: true })));
  }
}
