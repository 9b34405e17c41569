/**
 * The benches' HTTP client, in a process of its own: requests one at a time on keep-alive, each timed from the request
 * to the parsed answer. In the server's own process, the client's work (undici, parsing 20 KB answers) ran on the
 * event loop that serves the requests and was charged to the API; a real client never runs there.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';

interface Batch {
  base: string;
  token: string;
  paths: string[];
}
export interface Timed {
  ms: number;
  total: number;
}
type Reply = { results: Timed[] } | { error: string };

export class HttpClientProcess {
  private constructor(private readonly child: ChildProcess | null) {}

  /** `inProcess`: the former way (client on the server's event loop), kept to compare (`--client-in-process`). */
  static start(options: { inProcess?: boolean } = {}): HttpClientProcess {
    return new HttpClientProcess(
      options.inProcess
        ? null
        : fork(__filename, [], { env: { ...process.env, BENCH_HTTP_CLIENT: '1' }, stdio: 'inherit' }),
    );
  }

  /** GETs every path in order (the answers must be 200 with a `total`), and returns their timings. */
  async run(base: string, token: string, paths: string[]): Promise<Timed[]> {
    const reply = this.child ? await this.ask(this.child, { base, token, paths }) : await serve({ base, token, paths });
    if ('error' in reply) throw new Error(reply.error);
    return reply.results;
  }

  stop(): void {
    this.child?.kill();
  }

  private ask(child: ChildProcess, batch: Batch): Promise<Reply> {
    return new Promise((resolve) => {
      child.once('message', resolve);
      child.send(batch);
    });
  }
}

async function serve(batch: Batch): Promise<Reply> {
  const results: Timed[] = [];
  for (const path of batch.paths) {
    const t0 = performance.now();
    const res = await fetch(`${batch.base}${path}`, { headers: { authorization: `Bearer ${batch.token}` } });
    const body = (await res.json()) as { total: number };
    const ms = performance.now() - t0;
    if (res.status !== 200) return { error: `${path}: ${res.status} ${JSON.stringify(body)}` };
    results.push({ ms, total: body.total });
  }
  return { results };
}

if (process.env.BENCH_HTTP_CLIENT === '1' && process.send) {
  process.on('message', (batch: Batch) => {
    serve(batch).then(
      (reply) => process.send!(reply),
      (error: unknown) => process.send!({ error: String(error) }),
    );
  });
}
