import { applyDecorators, Controller, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PageExceptionFilter } from './page-exception.filter';
import { PageHeadersInterceptor } from './page-headers.interceptor';

/**
 * Pages live outside /api (DESIGN §3). Every page controller declares its path through this decorator, which records
 * the path's first segment: `createApp` excludes those roots from the global `/api` prefix, so a module adds pages
 * without touching the app factory. Errors on pages render as French HTML pages, never as JSON.
 */
const pageRoots = new Set<string>();

export function PageController(path: string): ClassDecorator {
  const root = path.replace(/^\/+/, '').split('/')[0];
  if (!/^[a-z][a-z0-9-]*$/.test(root)) throw new Error(`page root must be a fixed word, got "${path}"`);
  if (root === 'api') throw new Error('pages live outside /api');
  pageRoots.add(root);
  return applyDecorators(
    Controller(path),
    ApiExcludeController(),
    UseFilters(PageExceptionFilter),
    UseInterceptors(PageHeadersInterceptor),
  );
}

/** Routes left out of the `/api` prefix (path-to-regexp syntax of Nest 12's `exclude`). */
export function pageRouteExclusions(): string[] {
  return [...pageRoots].flatMap((root) => [root, `${root}/{*rest}`]);
}

export function isPagePath(path: string): boolean {
  const root = path.replace(/^\/+/, '').split(/[/?#]/)[0];
  return pageRoots.has(root);
}
