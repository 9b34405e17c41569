import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * No Docker engine or compose plugin runs on these machines: the compose file is read as compose would read it (YAML
 * with merge keys), validated against the Compose Specification's JSON schema (vendored, see vendor/README.md), and
 * what an operator relies on is checked here: which services have healthchecks, the required secret, the demo and
 * admin profiles, restart policies, where mails go, and what the runtime image contains.
 */
const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

type Service = {
  image?: string;
  build?: unknown;
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  profiles?: string[];
  restart?: string;
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
};
type Compose = { services: Record<string, Service>; volumes?: Record<string, unknown> };

const composeText = read('docker/compose.yml');
const compose = parse(composeText, { merge: true }) as Compose;
const services = compose.services;
const fromImage = Object.entries(services).filter(([, s]) => s.image === 'maillage:local');
const argv = (s: Service) => [...(s.entrypoint ?? []), ...(s.command ?? [])];
const runs = (s: Service, script: string) => argv(s).some((a) => a.includes(script));

function composeValidator() {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  // The spec still writes draft-04 `id` annotations (not schema ids), which Ajv refuses by default.
  ajv.removeKeyword('id');
  // A compose-specific format (a port or a range, with its protocol), not one of JSON Schema's.
  ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp))?$/);
  return ajv.compile(JSON.parse(read('test/deploy/vendor/compose-spec.schema.json')));
}

describe('docker/compose.yml', () => {
  it('is valid against the Compose Specification schema', () => {
    const validate = composeValidator();
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check would catch a mistake (unknown key, wrong type)', () => {
    const validate = composeValidator();
    expect(validate({ services: { api: { image: 'x', restart_policy: 'always' } } })).toBe(false);
    expect(validate({ services: { api: { image: 'x', ports: 3000 } } })).toBe(false);
  });

  it('declares a healthcheck on the API and a liveness check of its own on the worker, on nothing else of the image', () => {
    const checked = fromImage.filter(([, s]) => s.healthcheck).map(([name]) => name);
    expect(checked.sort()).toEqual(['api', 'worker']);
    expect(services.api.healthcheck!.test.join(' ')).toContain('http://127.0.0.1:3000/api/health');
    const heartbeat = services.worker.environment!.WORKER_HEARTBEAT_FILE;
    expect(heartbeat).toMatch(/^\//);
    expect(services.worker.healthcheck!.test.join(' ')).toContain(heartbeat);
    // An image-level HEALTHCHECK would be inherited by the worker, the migrations and the mail catcher.
    expect(read('docker/Dockerfile')).not.toMatch(/^\s*HEALTHCHECK/m);
  });

  it('requires TOKEN_SECRET and never ships a default for it', () => {
    for (const [name, service] of fromImage.filter(([, s]) => s.environment)) {
      expect([name, service.environment!.TOKEN_SECRET]).toEqual([
        name,
        expect.stringMatching(/^\$\{TOKEN_SECRET:\?.+\}$/),
      ]);
    }
    expect(composeText).not.toMatch(/TOKEN_SECRET:-/);
  });

  it('seeds the demo only in the demo profile, after the migrations, outside production', () => {
    const seeders = Object.entries(services).filter(([, s]) => runs(s, 'dist/src/cli/seed-demo.js'));
    expect(seeders.map(([name]) => name)).toEqual(['demo']);
    expect(services.demo.profiles).toEqual(['demo']);
    expect(services.demo.environment!.NODE_ENV).not.toBe('production');
    expect(services.demo.depends_on!.migrations.condition).toBe('service_completed_successfully');
  });

  it('wires the first-admin command in its own profile, after the migrations', () => {
    expect(services.admin.profiles).toEqual(['admin']);
    expect(services.admin.entrypoint).toEqual(['node', 'dist/src/cli/create-admin.js']);
    expect(services.admin.environment!.NODE_ENV).toBe('production');
    expect(services.admin.depends_on!.migrations.condition).toBe('service_completed_successfully');
  });

  it('runs only scripts that the build produces', () => {
    for (const [name, service] of fromImage) {
      for (const script of argv(service).flatMap((a) => a.match(/dist\/src\/[\w/.-]+\.js/g) ?? [])) {
        const source = script.replace(/^dist\//, '').replace(/\.js$/, '.ts');
        expect([name, source, existsSync(join(root, source))]).toEqual([name, source, true]);
      }
    }
  });

  it('restarts the long-running services, not the one-shot ones', () => {
    for (const name of ['postgres', 'redis', 'api', 'worker', 'mailcatcher'])
      expect([name, services[name].restart]).toEqual([name, 'unless-stopped']);
    for (const name of ['migrations', 'admin', 'demo']) expect([name, services[name].restart]).toEqual([name, 'no']);
  });

  it('keeps the caught mails in a named volume (or sends them to the SMTP relay given)', () => {
    const folder = services.mailcatcher.command![3];
    expect(services.mailcatcher.volumes).toContain(`mails:${folder}`);
    expect(Object.keys(compose.volumes ?? {})).toContain('mails');
    expect(services.api.environment!.SMTP_HOST).toBe('${SMTP_HOST:-mailcatcher}');
  });
});

describe('docker/Dockerfile', () => {
  const dockerfile = read('docker/Dockerfile');
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const runtime = stages.find((s) => /^\S+ AS runtime/.test(s))!;

  it('builds and runs on Node 24', () => {
    expect(stages.map((s) => s.split(/\s/)[0])).toEqual(['node:24-slim', 'node:24-slim']);
  });

  it('leaves test code out of the runtime stage', () => {
    const copies = runtime.split('\n').filter((l) => /^COPY /.test(l));
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) {
      expect(copy).not.toMatch(/\btest\b|\.spec\.|\/app\/dist\s/);
      expect(copy).not.toMatch(/\/app\/dist \.\/dist$/);
    }
    expect(copies.filter((c) => c.includes('/app/dist/'))).toEqual([
      'COPY --from=build /app/dist/src ./dist/src',
      'COPY --from=build /app/dist/migrations ./dist/migrations',
    ]);
    // Unit specs live next to the sources: the build excludes them, so dist/src has none.
    expect(JSON.parse(read('tsconfig.build.json')).exclude).toContain('**/*.spec.ts');
    expect(stages[0]).not.toMatch(/^COPY test/m);
  });

  it('is built from a context without dependencies, build output, git history or tests', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['node_modules', 'dist', '.git', '.local', 'test']) expect(ignored).toContain(entry);
  });
});
