export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => escapes[c]);
}

/** Plain, accessible layout: many recipients read mail on a phone or with a screen reader. */
export function layout(subject: string, paragraphs: string[], action?: { label: string; url: string }): RenderedMail {
  const text = [
    ...paragraphs,
    ...(action ? [`${action.label} : ${action.url}`] : []),
    '',
    '— Maillage, la coopération des SIAE de votre territoire',
  ].join('\n\n');
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1e1e1e; max-width: 600px; margin: auto;">
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${action ? `<p><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:12px 20px;background:#000091;color:#fff;text-decoration:none;border-radius:4px;">${escapeHtml(action.label)}</a></p><p style="font-size:14px;color:#555;">Si le bouton ne fonctionne pas, copiez ce lien : ${escapeHtml(action.url)}</p>` : ''}
<p style="font-size:14px;color:#555;">— Maillage, la coopération des SIAE de votre territoire</p>
</body></html>`;
  return { subject, text, html };
}
