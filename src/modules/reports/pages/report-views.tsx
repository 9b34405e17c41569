import { ScrollRegion } from '../../../platform/web/components';
import { Layout } from '../../../platform/web/layout';
import type { EventReportDto } from '../dto/report.dto';
import { contractLabels, frenchDate } from '../report-csv';
import { frenchNumber } from '../csv-writer';
import { BarChart } from './report-chart';

const percent = (ratio: number | null) => (ratio === null ? '—' : `${frenchNumber(ratio * 100, 1)} %`);
const days = (value: number | null) => (value === null ? '—' : `${frenchNumber(value, 1)} j`);

function FigureTable({ caption, rows }: { caption: string; rows: Array<[string, string | number]> }) {
  return (
    <table>
      <caption>{caption}</caption>
      <tbody>
        {rows.map(([label, value]) => (
          <tr>
            <th scope="row">{label}</th>
            <td>{String(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The organisers' report of an event: the chart, then every figure as a table, and the CSV to download. */
export function EventReportPage({ report, who }: { report: EventReportDto; who: string }) {
  const { employers: e, candidates: c, interviews: i, outcomes: o, plan } = report;
  return (
    <Layout title={`Bilan — ${report.event.title}`} who={who} wide>
      <h1>{`Bilan : ${report.event.title}`}</h1>
      <p>{`Événement du ${frenchDate(report.event.date)}.`}</p>
      <p>
        <a class="button secondary" href={`/equipe/evenements/${report.event.id}/bilan.csv`} download>
          Télécharger le bilan (CSV, tableur)
        </a>
      </p>

      <h2>Des candidat·es aux embauches</h2>
      <BarChart
        id="parcours"
        title="Des candidat·es accepté·es aux embauches"
        bars={[
          { label: 'Candidat·es accepté·es', value: c.accepted },
          { label: 'Présent·es', value: c.present },
          { label: 'Au moins un entretien', value: c.withInterview },
          { label: 'Second entretien', value: o.secondInterview },
          { label: 'Immersion (PMSMP)', value: o.immersion },
          { label: 'Embauches', value: o.hire },
        ]}
      />

      <div class="cards">
        <FigureTable
          caption="Employeurs"
          rows={[
            ['Invités', e.invited],
            ['Inscription confirmée', e.confirmed],
            ['Ont décliné', e.declined],
            ['Présents', e.present],
            ['Absents', e.absent],
            ['Partis avant la fin', e.leftEarly],
          ]}
        />
        <FigureTable
          caption="Candidat·es"
          rows={[
            ['Inscrit·es', c.registered],
            ['Accepté·es', c.accepted],
            ['Présent·es', c.present],
            ['Absent·es', c.absent],
            ['Venu·es sans inscription', c.walkIns],
            ['Avec au moins un entretien', c.withInterview],
            ['Couverture', percent(c.coverage)],
          ]}
        />
        <FigureTable
          caption="Entretiens"
          rows={[
            ['Prévus', i.planned],
            ['Tenus', i.held],
            ['Annulés', i.cancelled],
            ['Non venus', i.noShow],
          ]}
        />
        <FigureTable
          caption="Suites"
          rows={[
            ['Déclarées', o.recorded],
            ['Sans suite', o.none],
            ['Second entretien', o.secondInterview],
            ['Immersion (PMSMP)', o.immersion],
            ['Embauches', o.hire],
            ...o.hiresByContract.map((h): [string, number] => [
              `dont ${contractLabels[h.contractType] ?? h.contractType}`,
              h.count,
            ]),
            ['Délai médian jusqu’à l’embauche', days(o.daysToHireMedian)],
            ['Planning : écart relatif à l’optimum', plan ? percent(plan.relativeGap) : '—'],
          ]}
        />
      </div>

      <h2>Par structure</h2>
      <ScrollRegion label="Chiffres par structure">
        <table>
          <caption class="muted">Candidat·es de chaque structure</caption>
          <thead>
            <tr>
              <th scope="col">Structure</th>
              <th scope="col">Inscrit·es</th>
              <th scope="col">Présent·es</th>
              <th scope="col">Absent·es</th>
              <th scope="col">Avec entretien</th>
              <th scope="col">Entretiens</th>
              <th scope="col">Embauches</th>
            </tr>
          </thead>
          <tbody>
            {report.bySiae.map((s) => (
              <tr>
                <th scope="row">{s.siaeName}</th>
                <td>{String(s.registered)}</td>
                <td>{String(s.present)}</td>
                <td>{String(s.absent)}</td>
                <td>{String(s.withInterview)}</td>
                <td>{String(s.interviews)}</td>
                <td>{String(s.hires)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p>
        <a href={`/equipe/evenements/${report.event.id}`}>Retour à l’événement</a>
      </p>
    </Layout>
  );
}
