import { JsonLogger } from './json-logger';
import { runWithRequestId } from './request-context';

describe('JsonLogger', () => {
  it('writes one JSON object per line with level, context and the current request id', () => {
    const lines: string[] = [];
    const logger = new JsonLogger('info', (line) => lines.push(line));
    runWithRequestId('req-123', () => logger.log({ msg: 'bonjour', siaeId: 's1' }, 'SomeService'));
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({
      level: 'info',
      context: 'SomeService',
      requestId: 'req-123',
      msg: 'bonjour',
      siaeId: 's1',
    });
    expect(new Date(entry.time).toString()).not.toBe('Invalid Date');
  });

  it('drops lines below its level and never carries a request id outside a request', () => {
    const lines: string[] = [];
    const logger = new JsonLogger('warn', (line) => lines.push(line));
    logger.log('ignoré');
    logger.debug('ignoré aussi');
    logger.error(new Error('panne'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toEqual({ time: expect.any(String), level: 'error', msg: 'panne' });
  });
});
