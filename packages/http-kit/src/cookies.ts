import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/** A session cookie's value; undefined when absent or too long to be one of ours. */
export function sessionCookieOf(c: Context, name: string): string | undefined {
  const value = getCookie(c, name);
  return value && value.length <= 100 ? value : undefined;
}

/** httpOnly, SameSite=Strict, path /: scripts cannot read it and other sites cannot send it. */
export function setSessionCookie(c: Context, name: string, value: string, maxAgeSeconds: number) {
  setCookie(c, name, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(c: Context, name: string) {
  deleteCookie(c, name, { path: '/', httpOnly: true, sameSite: 'Strict' });
}
