import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

export const PUBLIC = 'public';

@Injectable()
export class AuthenticatedGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.get<boolean>(PUBLIC, context.getHandler())) return true;
    const request = context.switchToHttp().getRequest();
    return request.isAuthenticated();
  }
}
