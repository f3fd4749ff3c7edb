/**
 * The HTTP foundation every Teach-in server stands on: Hono apps on Node, with these
 * shared parts. docs/architecture.md ("HTTP foundation") says how a new server uses them.
 */

// The servers import Hono from here, so one package decides its version.
export type { Context, MiddlewareHandler } from 'hono';
export { Hono } from 'hono';
export { cors } from 'hono/cors';
export type { ContentfulStatusCode } from 'hono/utils/http-status';
export type { JsonBodyOptions } from './body.ts';
export { limitBody, parseJson, readForm, readJson, readText } from './body.ts';
export { contentTypeOf } from './content-types.ts';
export {
  clearCrossSiteCookie,
  clearSessionCookie,
  cookiesOf,
  sessionCookieOf,
  setCrossSiteCookie,
  setSessionCookie,
} from './cookies.ts';
export type { CourseConnections } from './csp.ts';
export { coursePagePolicy, ltiToolPagePolicy, policies } from './csp.ts';
export type { EventChannel } from './event-stream.ts';
export { eventStream } from './event-stream.ts';
export type { ErrorPageOptions, RefusalWriter, Refused } from './http-error.ts';
export { errorPages, errorResponse, HttpError, withErrorPages } from './http-error.ts';
export { hashSource, newNonce, nonceSource } from './inline-code.ts';
export { assertSameOrigin, clientAddress, onlyHosts } from './origin.ts';
export type { RateRule } from './rate-limit.ts';
export { RateLimiter } from './rate-limit.ts';
export type { SecurityHeaderOptions } from './security-headers.ts';
export { securityHeaders } from './security-headers.ts';
export type { ListeningServer, ListenOptions } from './serve.ts';
export { listen } from './serve.ts';
