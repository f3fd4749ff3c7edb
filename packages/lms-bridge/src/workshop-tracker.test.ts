import { expect } from '@open-wc/testing';
import type { AnswerRecord } from '@teach-in/course-schema';
import type { WorkshopConfig } from './workshop-protocol.ts';
import {
  readWorkshopConfig,
  WorkshopTracker,
  workshopConfigElementId,
} from './workshop-tracker.ts';

interface Sent {
  url: string;
  init: RequestInit;
  body: Record<string, unknown>;
  reply: (status: number) => void;
  fail: () => void;
}

/** A workshop server that answers only when the test says so, and timers the test runs. */
class FakeServer {
  readonly sent: Sent[] = [];
  readonly timers: (() => void)[] = [];
  readonly logs: string[] = [];

  readonly fetch = ((url: string, init: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      this.sent.push({
        url,
        init,
        body: JSON.parse(String(init.body)) as Record<string, unknown>,
        reply: (status) => resolve(new Response(null, { status })),
        fail: () => reject(new TypeError('Failed to fetch')),
      });
    })) as typeof fetch;

  tracker(config: Partial<WorkshopConfig> = {}): WorkshopTracker {
    return new WorkshopTracker(
      { endpoint: '/c/course/', writer: 'page-1', ...config },
      {
        fetch: this.fetch,
        setTimeout: (callback) => this.timers.push(callback),
        log: (message) => this.logs.push(message),
      },
    );
  }

  runTimers(): void {
    for (const timer of this.timers.splice(0)) timer();
  }
}

/** Lets queued promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function answer(id: string, response: string[]): AnswerRecord {
  return {
    questionId: id,
    type: 'single',
    counts: true,
    response,
    correctResponse: ['b'],
    correct: response.join() === 'b',
    attempt: 1,
    final: true,
    description: 'Prompt',
    timestamp: new Date(),
    latencyMs: 1200,
    private: false,
  };
}

describe('WorkshopTracker', () => {
  it('reads its config from the page and resumes from it without a request', async () => {
    const element = document.createElement('script');
    element.type = 'application/json';
    element.id = workshopConfigElementId;
    element.textContent = JSON.stringify({
      endpoint: '/c/course/',
      writer: 'w1',
      state: '{"page":2}',
      location: 'm/p2',
    });
    document.body.append(element);
    const config = readWorkshopConfig(document);
    element.textContent = '{not json';
    const broken = readWorkshopConfig(document);
    element.remove();

    expect(broken).to.equal(undefined);
    expect(readWorkshopConfig(document)).to.equal(undefined);
    const server = new FakeServer();
    const tracker = server.tracker(config);
    expect(tracker.kind).to.equal('workshop');
    expect(await tracker.start()).to.deep.equal({ state: '{"page":2}', location: 'm/p2' });
    expect(server.sent).to.have.length(0);
  });

  it('sends a page view (location and state) as one JSON request', async () => {
    const server = new FakeServer();
    const tracker = server.tracker();
    await tracker.start();
    tracker.setLocation('m/p1');
    tracker.saveState('{"page":1}');
    await settle();
    expect(server.sent).to.have.length(1);
    const [sent] = server.sent;
    expect(sent!.url).to.equal('/c/course/progress');
    expect(sent!.init.method).to.equal('POST');
    expect(sent!.init.credentials).to.equal('same-origin');
    expect((sent!.init.headers as Record<string, string>)['content-type']).to.equal(
      'application/json',
    );
    expect(sent!.body).to.deep.equal({
      writer: 'page-1',
      seq: 1,
      location: 'm/p1',
      state: '{"page":1}',
    });
  });

  it('sends one message at a time, in order, and numbers them', async () => {
    const server = new FakeServer();
    const tracker = server.tracker();
    tracker.recordAnswer(answer('q1', ['b']));
    tracker.recordAnswer(answer('q2', ['a', 'c']));
    await settle();
    expect(server.sent).to.have.length(1);
    server.sent[0]!.reply(204);
    await settle();
    expect(server.sent.map((s) => s.body)).to.deep.equal([
      { writer: 'page-1', seq: 1, questionId: 'q1', response: ['b'] },
      { writer: 'page-1', seq: 2, questionId: 'q2', response: ['a', 'c'] },
    ]);
    expect(server.sent[1]!.url).to.equal('/c/course/answer');
  });

  it('keeps a message through a dropped connection and sends it again later', async () => {
    const server = new FakeServer();
    const tracker = server.tracker();
    tracker.recordAnswer(answer('q1', ['b']));
    await settle();
    server.sent[0]!.fail();
    await settle();
    expect(server.sent).to.have.length(1, 'nothing is sent until the retry is due');
    tracker.recordAnswer(answer('q2', ['a']));
    server.runTimers();
    await settle();
    server.sent[1]!.reply(503);
    await settle();
    server.runTimers();
    await settle();
    server.sent[2]!.reply(204);
    await settle();
    expect(server.sent.map((s) => s.body.questionId)).to.deep.equal(['q1', 'q1', 'q1', 'q2']);
  });

  it('drops a refused message and stops when the session is gone', async () => {
    const server = new FakeServer();
    const tracker = server.tracker();
    tracker.recordAnswer(answer('q1', ['z']));
    await settle();
    server.sent[0]!.reply(400);
    await settle();
    tracker.recordAnswer(answer('q2', ['a']));
    await settle();
    server.sent[1]!.reply(403);
    await settle();
    tracker.recordAnswer(answer('q3', ['a']));
    await settle();
    expect(server.sent).to.have.length(2);
    expect(server.logs).to.have.length(2);
    expect(server.logs[1]).to.contain('session has ended');
  });

  it('sends everything waiting with keepalive when the page is hidden or closed', async () => {
    const server = new FakeServer();
    const tracker = server.tracker();
    tracker.recordAnswer(answer('q1', ['b']));
    tracker.recordAnswer(answer('q2', ['a']));
    tracker.finish({ completed: true, passed: true, scorePercent: 100 });
    tracker.leave();
    expect(
      server.sent.map((s) => [s.body.questionId ?? 'progress', s.init.keepalive]),
    ).to.deep.equal([
      ['q1', false],
      ['q2', true],
      ['progress', true],
    ]);
    expect(server.sent[2]!.body.outcome).to.deep.equal({
      completed: true,
      passed: true,
      scorePercent: 100,
    });
  });
});
