import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sessionIdExtensionId } from '../src/cmi5-statements.ts';
import {
  type Cmi5Launch,
  Cmi5Tracker,
  courseStateId,
  type LaunchData,
  ResilientSession,
  type SaveStatus,
} from '../src/index.ts';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const launch: Cmi5Launch = {
  endpoint: 'https://lms.example/xapi/',
  fetch: 'https://lms.example/fetch/1',
  actor: { objectType: 'Agent', account: { homePage: 'https://lms.example', name: 'l1' } },
  registration: 'reg-1',
  activityId: 'urn:au',
};

interface Request {
  method: string;
  url: string;
  body: unknown;
  keepalive: boolean;
  auth: string | undefined;
}

/** A minimal LRS: enough to watch what the tracker sends, and to make it fail on demand. */
class FakeLrs {
  readonly requests: Request[] = [];
  readonly states = new Map<string, string>();
  down = false;
  constructor(launchMode: LaunchData['launchMode'] = 'Normal') {
    const launchData: LaunchData = {
      contextTemplate: { extensions: { [sessionIdExtensionId]: 's-1' } },
      launchMode,
      moveOn: 'CompletedAndPassed',
      masteryScore: 0.8,
    };
    this.states.set('LMS.LaunchData', JSON.stringify(launchData));
  }
  get verbs(): string[] {
    return this.requests
      .filter((r) => r.url.endsWith('/statements'))
      .flatMap((r) =>
        (r.body as { verb: { id: string } }[]).map((s) => s.verb.id.split('/').pop() ?? ''),
      );
  }
  readonly fetch = (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = String(input);
    const method = init.method ?? 'GET';
    const headers = (init.headers ?? {}) as Record<string, string>;
    this.requests.push({
      method,
      url,
      body: init.body ? JSON.parse(String(init.body)) : undefined,
      keepalive: init.keepalive === true,
      auth: headers.Authorization,
    });
    if (this.down) throw new TypeError('Failed to fetch');
    if (url.includes('/fetch/')) return Response.json({ 'auth-token': 'dG9rZW4=' });
    const stateId = new URL(url).searchParams.get('stateId');
    if (stateId && method === 'GET') {
      const doc = this.states.get(stateId);
      return doc ? new Response(doc) : new Response('', { status: 404 });
    }
    if (stateId && method === 'PUT') this.states.set(stateId, String(init.body));
    return new Response(null, { status: method === 'PUT' ? 204 : 200 });
  }) as typeof fetch;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function tracker(lrs: FakeLrs, storage = new MemoryStorage()) {
  return new Cmi5Tracker(launch, { fetch: lrs.fetch, storage: storage as unknown as Storage });
}

describe('Cmi5Tracker', () => {
  test('fetches the token once, reads LMS.LaunchData, sends initialized with Basic auth', async () => {
    const lrs = new FakeLrs();
    const t = tracker(lrs);
    assert.deepEqual(await t.start(), {});
    await settle();
    assert.equal(lrs.requests.filter((r) => r.url === launch.fetch).length, 1);
    assert.equal(lrs.requests[0]?.method, 'POST');
    assert.deepEqual(lrs.verbs, ['initialized']);
    assert.ok(lrs.requests.slice(1).every((r) => r.auth === 'Basic dG9rZW4='));
  });

  test('a reload in the same launch reuses the token and does not initialize again', async () => {
    const lrs = new FakeLrs();
    const storage = new MemoryStorage();
    await tracker(lrs, storage).start();
    await settle();
    await tracker(lrs, storage).start();
    await settle();
    assert.equal(lrs.requests.filter((r) => r.url === launch.fetch).length, 1);
    assert.deepEqual(lrs.verbs, ['initialized']);
  });

  test('finish and leave: completed, passed, then terminated in a keepalive request; state kept', async () => {
    const lrs = new FakeLrs();
    const t = tracker(lrs);
    await t.start();
    t.setLocation('p2');
    assert.equal(t.saveState('STATE'), true);
    t.finish({ scorePercent: 90, passed: true, completed: true });
    await settle();
    t.leave();
    await settle();
    assert.deepEqual(lrs.verbs, ['initialized', 'completed', 'passed', 'terminated']);
    const last = lrs.requests.filter((r) => r.url.endsWith('/statements')).at(-1);
    assert.equal(last?.keepalive, true);
    const doc = JSON.parse(lrs.states.get(courseStateId) ?? '{}');
    assert.deepEqual(doc, {
      state: 'STATE',
      location: 'p2',
      sent: { completed: true, passed: true },
    });
  });

  test('hidden page: the flush sends with keepalive, so a killed tab still delivers', async () => {
    const lrs = new FakeLrs();
    const t = tracker(lrs);
    await t.start();
    await settle();
    t.setLocation('p3');
    t.flush();
    await settle();
    const put = lrs.requests.find((r) => r.method === 'PUT');
    assert.equal(put?.keepalive, true);
    assert.deepEqual(put?.body, { location: 'p3', sent: { completed: false, passed: false } });
  });

  test('a later session resumes from the state and never fails after passed', async () => {
    const lrs = new FakeLrs();
    const first = tracker(lrs);
    await first.start();
    first.saveState('S1');
    first.finish({ scorePercent: 90, passed: true, completed: true });
    await settle();
    first.leave();
    await settle();
    const second = new Cmi5Tracker(
      { ...launch, fetch: 'https://lms.example/fetch/2' },
      { fetch: lrs.fetch, storage: new MemoryStorage() as unknown as Storage },
    );
    assert.deepEqual(await second.start(), { state: 'S1' });
    second.finish({ scorePercent: 10, passed: false, completed: true });
    await settle();
    assert.deepEqual(lrs.verbs, [
      'initialized',
      'completed',
      'passed',
      'terminated',
      'initialized',
    ]);
  });

  test('the mastery score from LMS.LaunchData turns 75% into failed', async () => {
    const lrs = new FakeLrs();
    const t = tracker(lrs);
    await t.start();
    t.finish({ scorePercent: 75, passed: true, completed: false });
    await settle();
    assert.deepEqual(lrs.verbs, ['initialized', 'failed']);
  });

  test('launchMode Browse: initialized and terminated, no result verbs', async () => {
    const lrs = new FakeLrs('Browse');
    const t = tracker(lrs);
    await t.start();
    t.finish({ scorePercent: 100, passed: true, completed: true });
    await settle();
    t.leave();
    await settle();
    assert.deepEqual(lrs.verbs, ['initialized', 'terminated']);
  });

  test('an unreachable LMS: the listener hears it, calls answer false, then everything goes in order', async () => {
    const lrs = new FakeLrs();
    const t = tracker(lrs);
    let undelivered = 0;
    t.onUndelivered(() => undelivered++);
    await t.start();
    await settle();
    lrs.down = true;
    t.recordAnswer({
      questionId: 'q1',
      type: 'single',
      counts: true,
      response: ['a'],
      correctResponse: ['a'],
      correct: true,
      attempt: 1,
      final: true,
      description: 'Q',
      latencyMs: 1000,
      private: false,
      timestamp: new Date(),
    });
    await settle();
    assert.equal(undelivered, 1);
    assert.equal(t.saveState('S'), false);
    await settle();
    lrs.down = false;
    t.flush();
    await settle();
    await settle();
    assert.equal(t.saveState('S2'), true);
    const delivered = lrs.requests.filter((r) => r.url.endsWith('/statements'));
    const answered = delivered.at(-1)?.body as { verb: { id: string } }[];
    assert.deepEqual(
      answered.map((s) => s.verb.id.split('/').pop()),
      ['answered'],
      'the answer went once, after recovery',
    );
  });

  test('no token (the fetch URL was already used): nothing sent, every call says not delivered', async () => {
    const lrs = new FakeLrs();
    const failing = (async () =>
      Response.json({ 'error-code': '1', 'error-text': 'used' }, { status: 401 })) as typeof fetch;
    const t = new Cmi5Tracker(launch, { fetch: failing, storage: undefined });
    assert.deepEqual(await t.start(), {});
    assert.equal(t.reachable, false, 'the page can say the LMS cannot be reached');
    assert.equal(t.saveState('S'), false);
    assert.equal(lrs.requests.length, 0);
  });

  test('reachable once the token and the launch data came; not when the network is down', async () => {
    const up = new FakeLrs();
    const reached = tracker(up);
    await reached.start();
    assert.equal(reached.reachable, true);
    const down = new FakeLrs();
    down.down = true;
    const cut = tracker(down);
    assert.deepEqual(await cut.start(), {});
    assert.equal(cut.reachable, false);
  });

  test('with the resilient session: a send that fails later is retried until the LMS has it', async () => {
    const lrs = new FakeLrs();
    const t = tracker(lrs);
    const statuses: SaveStatus[] = [];
    const timers: (() => void)[] = [];
    const storage = new MemoryStorage();
    const session = new ResilientSession(
      t,
      storage as unknown as Storage,
      'local',
      (s) => statuses.push(s),
      { setTimeout: (run) => timers.push(run), clearTimeout: () => {} },
    );
    await t.start();
    await settle();
    lrs.down = true;
    session.save('S1', 1000);
    await settle();
    assert.deepEqual(statuses, ['retrying'], 'the learner is told, calmly');
    assert.equal(JSON.parse(storage.getItem('local') ?? '{}').synced, false);
    lrs.down = false;
    while (!statuses.includes('saved') && timers.length > 0) {
      timers.shift()?.();
      await settle();
    }
    assert.deepEqual(statuses, ['retrying', 'saved']);
    assert.equal(JSON.parse(lrs.states.get(courseStateId) ?? '{}').state, 'S1');
  });
});
