import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SMTPServer } from 'smtp-server';

/**
 * Local SMTP server for a developer machine: every mail the service sends lands as an .eml file in .local/mails/,
 * readable with any mail client or a text editor. Never used in production (SMTP_HOST points to a real relay there).
 * Usage: node dist/src/cli/mail-catcher.js [port] [folder] [host]
 */
const port = Number(process.argv[2] ?? 1025);
const folder = resolve(process.argv[3] ?? join(process.cwd(), '.local', 'mails'));
const host = process.argv[4] ?? '127.0.0.1';
mkdirSync(folder, { recursive: true });
let counter = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const raw = Buffer.concat(chunks);
      const subject = /^Subject: (.*)$/im.exec(raw.toString('utf8'))?.[1] ?? 'sans-objet';
      const to = session.envelope.rcptTo.map((r) => r.address).join(',');
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${++counter}-${to.replace(/[^a-z0-9@.-]/gi, '_')}.eml`;
      writeFileSync(join(folder, name), raw);
      process.stdout.write(`courriel pour ${to} : ${subject} → ${join(folder, name)}\n`);
      callback();
    });
  },
});
server.listen(port, host, () =>
  process.stdout.write(`Serveur SMTP local sur ${host}:${port}, courriels dans ${folder}\n`),
);
