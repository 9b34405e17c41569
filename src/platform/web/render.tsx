import type { Response } from 'express';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

/**
 * Server-side rendering of a page. preact-render-to-string escapes every text child and attribute value (React's
 * rules): raw HTML can only enter through an explicit `dangerouslySetInnerHTML`, which no page uses.
 */
export function renderHtml(page: VNode): string {
  return `<!doctype html>${render(page)}`;
}

export function sendPage(res: Response, page: VNode, status = 200): void {
  res.status(status).type('html').send(renderHtml(page));
}
