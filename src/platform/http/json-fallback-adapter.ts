import { ExpressAdapter } from '@nestjs/platform-express';

type NotFoundHandler = Parameters<ExpressAdapter['setNotFoundHandler']>[0];
type ExcludedRoutes = Parameters<ExpressAdapter['setNotFoundHandler']>[2];

/**
 * Nest mounts its "route not found" handler under the global prefix only (`/api`), so any other path fell through to
 * Express's HTML "Cannot GET". This adapter mounts the same handler a second time at the root. Nest calls it at the
 * end of `init()`, after every controller route — including pages served outside `/api` (`setGlobalPrefix` exclusions)
 * and anything mounted on Express before `init()` (the docs page): it is a fallback, it shadows no route. The answer
 * goes through the global exception filter, hence the JSON `{ code, message }` shape in French.
 */
export class JsonFallbackExpressAdapter extends ExpressAdapter {
  override setNotFoundHandler(handler: NotFoundHandler, prefix?: string, excludedRoutes?: ExcludedRoutes) {
    super.setNotFoundHandler(handler, prefix, excludedRoutes);
    // Without a prefix Nest already mounted it at the root; with one, add the root fallback (it skips the prefix).
    if (prefix) super.setNotFoundHandler(handler);
    return this;
  }
}
