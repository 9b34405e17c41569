import { Layout } from './layout';

const TITLES: Record<number, string> = {
  400: 'Demande incorrecte',
  401: 'Accès impossible',
  403: 'Action refusée',
  404: 'Page introuvable',
  409: 'Action impossible',
  410: 'Lien plus valable',
  429: 'Trop de tentatives',
};

/** What a page shows when it cannot answer: the French sentence of the error, never a stack or an id. */
export function ErrorPage({ status, message }: { status: number; message: string }) {
  const title = TITLES[status] ?? (status >= 500 ? 'Erreur du service' : 'Action impossible');
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <div class="notice error" role="alert">
        <p>{message}</p>
      </div>
    </Layout>
  );
}
