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

/** Every cookie the request carries, by name. */
export function cookiesOf(c: Context): Record<string, string> {
  return getCookie(c);
}

/**
 * A cookie that must come back on a request another site starts (an LTI launch is the
 * LMS's form POST, which SameSite=Strict or Lax would strip): SameSite=None, which browsers
 * accept only with Secure; httpOnly; sent to `path` only.
 */
export function setCrossSiteCookie(
  c: Context,
  name: string,
  value: string,
  options: { path: string; maxAgeSeconds: number },
) {
  setCookie(c, name, value, {
    path: options.path,
    httpOnly: true,
    secure: true,
    sameSite: 'None',
    maxAge: options.maxAgeSeconds,
  });
}

export function clearCrossSiteCookie(c: Context, name: string, options: { path: string }) {
  deleteCookie(c, name, { path: options.path, httpOnly: true, secure: true, sameSite: 'None' });
}
