import { DynamicModule, Global, Module, Provider, Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';

/**
 * The worker's copy of a module tree without what only serves HTTP: controllers, request enhancers (`APP_GUARD`,
 * `APP_INTERCEPTOR`, `APP_FILTER`, `APP_PIPE`) and guard providers (a class with `canActivate`). Everything else —
 * services, repositories, `@HandlesJob` providers, module imports — is kept as declared, so a module added to the app
 * (domain-modules.ts) is in the worker with its job handlers without anybody touching the worker.
 *
 * A module that has nothing to strip, itself or below, is returned as it is (TypeORM's, the config's: their module
 * classes keep their lifecycle hooks); one that has is re-declared as a new module class named `<Name>Worker`, once
 * per module (the same import in two places stays one module, as in the app).
 */
type ModuleEntry = Type<unknown> | DynamicModule;

type ModuleKey = 'imports' | 'providers' | 'controllers' | 'exports';
const GLOBAL = '__module:global__';
const ENHANCERS: unknown[] = [APP_GUARD, APP_INTERCEPTOR, APP_FILTER, APP_PIPE];

interface Declared {
  imports: ModuleEntry[];
  providers: Provider[];
  controllers: Type<unknown>[];
  exports: unknown[];
  global: boolean;
}

function isDynamic(entry: unknown): entry is DynamicModule {
  return typeof entry === 'object' && entry !== null && 'module' in entry;
}

/** What Nest reads for a module: its `@Module` metadata, plus the dynamic module's parts when it is one. */
function declared(entry: ModuleEntry): Declared {
  const type = isDynamic(entry) ? entry.module : entry;
  const read = (key: ModuleKey): unknown[] => [
    ...((Reflect.getMetadata(key, type) as unknown[] | undefined) ?? []),
    ...((isDynamic(entry) ? (entry[key] as unknown[] | undefined) : undefined) ?? []),
  ];
  return {
    imports: read('imports') as ModuleEntry[],
    providers: read('providers') as Provider[],
    controllers: read('controllers') as Type<unknown>[],
    exports: read('exports'),
    global: Reflect.getMetadata(GLOBAL, type) === true || (isDynamic(entry) && entry.global === true),
  };
}

function tokenOf(provider: Provider): unknown {
  return typeof provider === 'function' ? provider : provider.provide;
}

/** An HTTP-only provider: a request enhancer or a guard class. */
export function servesHttpOnly(provider: Provider): boolean {
  if (typeof provider !== 'function') return ENHANCERS.includes(provider.provide);
  return typeof (provider.prototype as { canActivate?: unknown } | undefined)?.canActivate === 'function';
}

export class WithoutHttp {
  private readonly copies = new Map<unknown, ModuleEntry>();
  /** What was left out, for the worker's boot log and its test. */
  readonly removed: { controllers: string[]; providers: string[] } = { controllers: [], providers: [] };

  module(entry: ModuleEntry): ModuleEntry {
    if (entry instanceof Promise) throw new Error('WithoutHttp: asynchronous dynamic modules are not supported');
    const known = this.copies.get(entry);
    if (known) return known;
    const copy = this.copy(entry);
    this.copies.set(entry, copy);
    return copy;
  }

  private copy(entry: ModuleEntry): ModuleEntry {
    const d = declared(entry);
    const imports = d.imports.map((i) => this.module(i));
    const httpProviders = d.providers.filter(servesHttpOnly);
    const unchanged =
      d.controllers.length === 0 && httpProviders.length === 0 && imports.every((copy, i) => copy === d.imports[i]);
    if (unchanged) return entry;
    const name = (isDynamic(entry) ? entry.module : entry).name;
    this.removed.controllers.push(...d.controllers.map((c) => `${name}.${c.name}`));
    this.removed.providers.push(
      ...httpProviders.map((p) => `${name}.${typeof p === 'function' ? p.name : String(p.provide)}`),
    );
    const dropped = new Set(httpProviders.map(tokenOf));
    const exports = d.exports.map((e) => (this.copies.has(e) ? this.copies.get(e) : e)).filter((e) => !dropped.has(e));
    const type = { [`${name}Worker`]: class {} }[`${name}Worker`];
    Module({
      imports,
      providers: d.providers.filter((p) => !dropped.has(tokenOf(p))),
      exports: exports as never[],
    })(type);
    if (d.global) Global()(type);
    return type;
  }
}
