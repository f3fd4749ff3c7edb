import { errorPages, Hono } from '@teach-in/http-kit';
import { fetchToken } from './fetch-route.ts';
import type { Cmi5LmsSide } from './lms-side.ts';
import { stateRoute } from './state-route.ts';
import { statementsRoute } from './statements-route.ts';
import { xapiVersionHeader } from './xapi-request.ts';

/** The paths a cmi5 LMS answers, for a server that forwards them (the preview). */
export const cmi5Paths = ['/cmi5/fetch/*', '/xapi/statements', '/xapi/activities/state'] as const;

/**
 * The LMS's endpoints as a Hono app to mount: the fetch URL and the xAPI statement and
 * state resources. `sideOf` names the LMS that answers; none: the request is not found.
 * Refusals are xAPI-style JSON (`{ error }`) with the version header.
 */
export function cmi5Routes(sideOf: () => Cmi5LmsSide | undefined): Hono {
  const app = new Hono();
  const pages = errorPages({ format: 'json', headers: xapiVersionHeader });
  app.onError(pages.onError);
  app.notFound(pages.notFound);
  const withSide =
    (
      handler: (
        c: Parameters<typeof fetchToken>[0],
        side: Cmi5LmsSide,
      ) => Response | Promise<Response>,
    ) =>
    (c: Parameters<typeof fetchToken>[0]) => {
      const side = sideOf();
      return side ? handler(c, side) : pages.notFound(c);
    };
  app.all(
    '/cmi5/fetch/*',
    withSide((c, side) => fetchToken(c, side.store)),
  );
  app.all('/xapi/statements', withSide(statementsRoute));
  app.all('/xapi/activities/state', withSide(stateRoute));
  return app;
}
