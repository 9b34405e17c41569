import type { ComponentChildren } from 'preact';
import { STYLESHEET_PATH } from './styles';

export interface LayoutProps {
  /** The page's own title; " — Maillage" is appended (WCAG 2.4.2). */
  title: string;
  /** Who is looking, shown in the header (a company's name, a staff member's e-mail). */
  who?: string;
  wide?: boolean;
  children: ComponentChildren;
}

/** The shared frame of every page: French, a skip link, one `main` landmark, no script needed. */
export function Layout({ title, who, wide, children }: LayoutProps) {
  return (
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>{`${title} — Maillage`}</title>
        <link rel="stylesheet" href={STYLESHEET_PATH} />
      </head>
      <body>
        <a class="skip-link" href="#contenu">
          Aller au contenu
        </a>
        <header class="site-header">
          <span class="brand">Maillage</span>
          {who ? <span class="who">{who}</span> : null}
        </header>
        <main id="contenu" class={wide ? 'wide' : undefined} tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <p>Maillage — la coopération des structures d’insertion de votre territoire.</p>
        </footer>
      </body>
    </html>
  );
}
