import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './build-fixture.ts';

const cli = path.join(repoRoot, 'packages/cli/bin/teach-in.js');

export interface WorkshopProcess {
  url: string;
  token: string;
  output: () => string;
  /** Ctrl+C, as an organizer would; resolves when the process has exited. */
  stop: () => Promise<number | null>;
}

/** Starts the real `teach-in workshop` and reads the address and token it prints. */
export function startWorkshopCli(args: readonly string[]): Promise<WorkshopProcess> {
  const child: ChildProcess = spawn(process.execPath, [cli, 'workshop', ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Participants join at: (\S+)/.exec(output)?.[1];
      const token = /Facilitator token: (\S+)/.exec(output)?.[1];
      if (url && token) {
        resolve({
          url,
          token,
          output: () => output,
          stop: async () => {
            child.kill('SIGINT');
            return exited;
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    void exited.then((code) => reject(new Error(`workshop exited (${code}):\n${output}`)));
  });
}

/** A participant who joins over plain HTTP, as a phone's browser would, without the page. */
export class HttpParticipant {
  private constructor(
    readonly base: string,
    readonly cookie: string,
  ) {}

  static async join(base: string, nickname: string): Promise<HttpParticipant> {
    const response = await postForm(base, '/join', { nickname });
    if (response.status !== 303) throw new Error(`join answered ${response.status}`);
    const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
    if (!cookie) throw new Error('join set no cookie');
    return new HttpParticipant(base, cookie);
  }

  answer(questionId: string, response: string[], seq = 1): Promise<Response> {
    return this.post('/c/sample-module/answer', {
      writer: `http-${this.cookie.slice(-12).replace(/[^A-Za-z0-9]/g, 'x')}`,
      seq,
      questionId,
      response,
    });
  }

  post(pathname: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(new URL(pathname, this.base), {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: this.cookie, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      redirect: 'manual',
    });
  }

  vote(pollId: number, choice: string): Promise<Response> {
    return postForm(this.base, '/poll', { poll: String(pollId), choice }, this.cookie);
  }
}

export function postForm(
  base: string,
  pathname: string,
  fields: Record<string, string>,
  cookie?: string,
): Promise<Response> {
  return fetch(new URL(pathname, base), {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(cookie ? { cookie } : {}),
    },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}
