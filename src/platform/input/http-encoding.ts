import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { NextFunction, Request, Response } from 'express';

/** The `type` body-parser keeps on the error our `verify` throws; the exception filter maps it to a 400. */
export const INVALID_UTF8_BODY = 'entity.invalid.utf8';
export const INVALID_QUERY_ENCODING = 'query.invalid.encoding';

/**
 * body-parser decodes with replacement: invalid UTF-8 bytes would reach the database as U+FFFD, silently changing
 * what the client sent. Given as `verify` to the JSON and form parsers (other charsets are refused by them already).
 */
export function rejectInvalidUtf8(_req: IncomingMessage, _res: ServerResponse, body: Buffer, encoding: string): void {
  if ((encoding ?? 'utf-8').toLowerCase().replace('-', '') !== 'utf8') return;
  if (!isUtf8(body)) throw Object.assign(new Error('invalid UTF-8 body'), { type: INVALID_UTF8_BODY });
}

/**
 * Express's query parser (node:querystring) also decodes `%FF` as U+FFFD; a query whose percent-escapes are not UTF-8
 * is refused before any route sees it.
 */
export function rejectMalformedQuery(req: Request, _res: Response, next: NextFunction): void {
  const at = req.url.indexOf('?');
  if (at >= 0) {
    for (const part of req.url.slice(at + 1).split('&')) {
      try {
        decodeURIComponent(part.replace(/\+/g, ' '));
      } catch {
        next(Object.assign(new Error('invalid query encoding'), { type: INVALID_QUERY_ENCODING, status: 400 }));
        return;
      }
    }
  }
  next();
}

/**
 * Node answers a request line or headers over its limit (16 kB: a 100 kB query string) with a bare 431 and no body;
 * clients of the API expect the error shape everywhere, so the same status goes out with `{ code, message }`.
 */
export function answerClientErrorsAsJson(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) return socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
    const body = JSON.stringify(
      tooLarge
        ? {
            code: 'REQUEST_TOO_LARGE',
            message: "L'adresse ou les en-têtes de la requête sont trop longs (16 Ko au plus).",
          }
        : { code: 'MALFORMED_REQUEST', message: "La requête HTTP n'est pas valide." },
    );
    socket.end(
      `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
