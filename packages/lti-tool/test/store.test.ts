import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { retryDelayMs, scoresUrl } from '../src/grade-service.ts';
import { LtiStore, type Registration } from '../src/index.ts';
import type { Launch } from '../src/storage/store.ts';
import { startPostgres, type TestPostgres } from '../test-support/index.ts';

const registration: Registration = {
  id: 'reg-1',
  issuer: 'https://lms.example',
  clientId: 'client-1',
  authLoginUrl: 'https://lms.example/auth',
  tokenUrl: 'https://lms.example/token',
  jwksUrl: 'https://lms.example/jwks',
};

const launch: Launch = {
  registrationId: 'reg-1',
  deploymentId: 'dep-1',
  userSub: 'user-1',
  contextId: 'ctx',
  resourceLinkId: 'link-1',
  target: 'course',
  roles: [],
  lineitemUrl: 'https://lms.example/lineitems/1',
  lineitemsUrl: null,
  agsScopes: [],
  membershipsUrl: null,
  expiresAt: 10_000,
};

const grade = (id: string) => ({
  id,
  registrationId: 'reg-1',
  lineitemUrl: 'https://lms.example/lineitems/1',
  lineitemsUrl: null,
  resourceLinkId: 'link-1',
  tag: 'course',
  label: 'Course',
  userSub: 'user-1',
  scoreGiven: 80,
  activityProgress: 'Completed',
  gradingProgress: 'FullyGraded',
  timestamp: '2026-12-07T10:00:00.000Z',
});

/** The same checks on both engines: the storage interface must not leak which one it is. */
function storeSuite(name: string, open: () => Promise<[LtiStore, LtiStore]>) {
  /** Two stores on one database (two processes), both closed after. */
  async function withStores(run: (a: LtiStore, b: LtiStore) => Promise<void>) {
    const [a, b] = await open();
    try {
      await run(a, b);
    } finally {
      await a.close();
      await b.close();
    }
  }
  describe(`the LTI store (${name})`, () => {
    test('registrations are unique per issuer and client; deployments are known or not', () =>
      withStores(async (store) => {
        const saved = await store.saveRegistration(registration, 1);
        const again = await store.saveRegistration(
          { ...registration, id: 'other-id', jwksUrl: 'https://lms.example/k2' },
          2,
        );
        assert.equal(again.id, saved.id, 'the same issuer and client update the one registration');
        assert.equal(again.jwksUrl, 'https://lms.example/k2');
        assert.equal((await store.registration(registration.issuer))?.id, saved.id);
        assert.equal(await store.registration(registration.issuer, 'nobody'), undefined);
        await store.addDeployment(saved.id, 'dep-1');
        assert.equal(await store.hasDeployment(saved.id, 'dep-1'), true);
        assert.equal(await store.hasDeployment(saved.id, 'dep-2'), false);
      }));

    test('a login state is used once and expires; a nonce is used once', () =>
      withStores(async (store) => {
        await store.saveRegistration(registration, 1);
        await store.saveLoginState('s1', 'n1', 'reg-1', '_parent', 1000);
        assert.deepEqual(await store.takeLoginState('s1', 500), {
          nonce: 'n1',
          registrationId: 'reg-1',
          storageTarget: '_parent',
        });
        assert.equal(await store.takeLoginState('s1', 500), undefined, 'second use');
        await store.saveLoginState('s2', 'n2', 'reg-1', null, 1000);
        assert.equal(await store.takeLoginState('s2', 1001), undefined, 'expired');
        assert.equal(await store.useNonce('reg-1', 'n1', 5000), true);
        assert.equal(await store.useNonce('reg-1', 'n1', 5000), false);
        assert.equal(await store.nonceUsed('reg-1', 'n1'), true);
      }));

    test('a stale progress save from the same page load is dropped; the outcome before is returned', () =>
      withStores(async (store) => {
        await store.saveRegistration(registration, 1);
        assert.deepEqual(
          await store.saveProgress(
            launch,
            { writer: 'w1', seq: 2, state: 'B', outcome: 'done' },
            10,
          ),
          { previousOutcome: null },
        );
        assert.equal(
          await store.saveProgress(launch, { writer: 'w1', seq: 1, state: 'A' }, 11),
          false,
        );
        assert.deepEqual(
          await store.saveProgress(launch, { writer: 'w2', seq: 1, location: 'p2' }, 12),
          { previousOutcome: 'done' },
        );
        assert.deepEqual(await store.progressOf(launch), {
          state: 'B',
          location: 'p2',
          outcome: 'done',
        });
      }));

    test('two stores claiming grades at once never claim the same one', () =>
      withStores(async (a, b) => {
        await a.saveRegistration(registration, 1);
        for (let i = 0; i < 20; i++)
          await a.enqueueGrade(grade(`g${String(i).padStart(2, '0')}`), 100);
        const claims = await Promise.all(
          Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).claimDueGrade(200, 60_000)),
        );
        const ids = claims.flatMap((claim) => (claim ? [claim.id] : []));
        assert.equal(ids.length, 20);
        assert.equal(new Set(ids).size, 20, 'each grade claimed once');
        await a.gradeFailed('g00', 'the LMS answered 503', 5000);
        assert.equal(await a.claimDueGrade(4999, 60_000), undefined, 'not due yet');
        const retried = await b.claimDueGrade(5000, 60_000);
        assert.equal(retried?.id, 'g00');
        assert.equal(retried?.attempts, 2);
        await b.gradeDelivered('g00', 6000);
        const pending = await a.pendingGrades();
        assert.equal(pending.length, 19);
      }));

    test('a learner can be forgotten; expired data is purged', () =>
      withStores(async (store) => {
        await store.saveRegistration(registration, 1);
        await store.saveLaunch('hash', launch, 1);
        await store.saveProgress(launch, { writer: 'w', seq: 1, state: 'S' }, 1);
        await store.saveAnswer(launch, { questionId: 'q', response: 'a', correct: true }, 1);
        assert.equal((await store.answerCounts('reg-1', 'link-1'))[0]?.count, 1);
        assert.ok((await store.forgetLearnerOfIssuer(registration.issuer, 'user-1')) >= 3);
        assert.deepEqual(await store.progressOf(launch), {});
        assert.equal(await store.launch('hash', 2), undefined);
        await store.saveLaunch('hash2', launch, 1);
        await store.purge(launch.expiresAt + 1, 0);
        assert.equal(await store.launch('hash2', 0), undefined, 'an expired launch is purged');
      }));
  });
}

const folders: string[] = [];
after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

storeSuite('SQLite', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'teach-in-lti-store-'));
  folders.push(folder);
  const file = path.join(folder, 'lti.sqlite');
  return [await LtiStore.open({ sqliteFile: file }), await LtiStore.open({ sqliteFile: file })];
});

describe('PostgreSQL store', async () => {
  const postgres = await startPostgres();
  if ('skip' in postgres) {
    test('PostgreSQL store', { skip: postgres.skip }, () => {});
    return;
  }
  const server: TestPostgres = postgres;
  after(() => server.stop());
  storeSuite('PostgreSQL', async () => {
    const databaseUrl = await server.createDatabase();
    return Promise.all([
      LtiStore.open({ databaseUrl, sqliteFile: '' }),
      LtiStore.open({ databaseUrl, sqliteFile: '' }),
    ]) as Promise<[LtiStore, LtiStore]>;
  });
});

test('scores go under the line item, query kept; retries back off to an hour and never stop', () => {
  assert.equal(
    scoresUrl('https://lms.example/li/7?type=x'),
    'https://lms.example/li/7/scores?type=x',
  );
  assert.equal(scoresUrl('https://lms.example/li/7/'), 'https://lms.example/li/7/scores');
  assert.deepEqual([1, 2, 3, 4].map(retryDelayMs), [1000, 2000, 4000, 8000]);
  assert.equal(retryDelayMs(40), 3_600_000);
});
