// The validation page: choose a schema, drop a file, read the verdict. Everything runs in a
// Worker in this browser; only the catalogue and schema URLs use the network.
import { catalogueSchemaUrl, createWorkerValidator, loadCatalogue } from '../js/src/index.js';

const $ = (id) => document.getElementById(id);
const GRID_ROWS = 200;
const TABLE_ERRORS = 1000;

const ERROR_LABELS = {
  'blank-label': 'en-tête vide',
  'duplicate-label': 'en-tête en double',
  'incorrect-label': 'en-tête incorrect',
  'missing-label': 'colonne manquante',
  'extra-label': 'colonne en trop',
  'blank-row': 'ligne vide',
  'extra-cell': 'cellule en trop',
  'missing-cell': 'cellule manquante',
  'type-error': 'valeur de mauvais type',
  'constraint-error': 'contrainte non respectée',
  'unique-error': 'valeur en double',
  'primary-key': 'clé primaire en double',
  'foreign-key': 'référence introuvable',
};

const validator = createWorkerValidator();
// `?workers=N` sets the size of the Worker pool a file is split across (default: one a core).
const POOL = Number(new URLSearchParams(location.search).get('workers')) || undefined;
// Load the engine in the Worker now, so validating later works offline.
validator.checkSchema({ fields: [] }).then(
  () => { document.documentElement.dataset.engine = 'ready'; },
  (error) => { $('schema-status').textContent = `Le moteur de validation n'a pas pu démarrer : ${error.message}`; },
);

const RULE_LABELS = {
  header: 'nom de colonne',
  spaces: 'espaces en trop',
  'decimal-comma': 'virgule décimale',
  'date-layout': 'format de date',
  boolean: 'valeur vrai/faux',
  'enum-spelling': 'orthographe de la valeur',
  'excel-float': '« .0 » ajouté par un tableur',
  'leading-zeros': 'zéros en tête',
  'closest-enum': 'valeur la plus proche',
  'swapped-coordinates': 'longitude et latitude inversées',
};
const TABLE_CHANGES = 1000;

const state = { schema: null, schemaLabel: '', fieldNames: [], catalogue: null, running: null, file: null, download: null };

function setSchema(source, label) {
  state.schema = source;
  state.schemaLabel = label;
  state.fieldNames = fieldNamesOf(source);
  const status = $('schema-status');
  status.textContent = `Vérification du schéma ${label}…`;
  status.dataset.state = 'checking';
  validator.checkSchema(source).then((check) => {
    if (state.schema !== source) return;
    status.dataset.state = check.valid ? 'ready' : 'invalid';
    status.textContent = check.valid
      ? `Schéma prêt : ${label}.`
      : `Ce schéma ne peut pas être utilisé : ${check.errors.map((e) => e.message).join(' ; ')}`;
  });
}

function fieldNamesOf(source) {
  try {
    const descriptor = typeof source === 'string' ? JSON.parse(source) : source;
    return (descriptor.fields ?? []).map((f) => f.name);
  } catch {
    return []; // a URL or YAML text: columns are then named from the report
  }
}

$('load-catalogue').addEventListener('click', async () => {
  const select = $('catalogue');
  $('schema-status').textContent = 'Chargement du catalogue…';
  try {
    state.catalogue = await loadCatalogue();
  } catch (error) {
    $('schema-status').textContent = `Catalogue indisponible : ${error.message}`;
    return;
  }
  select.replaceChildren(new Option('— choisissez un schéma —', ''),
    ...state.catalogue.map((entry) => new Option(entry.title, entry.name)));
  select.disabled = false;
  $('schema-status').textContent = `${state.catalogue.length} schémas dans le catalogue.`;
});

$('catalogue').addEventListener('change', (event) => {
  const name = event.target.value;
  if (name) setSchema(catalogueSchemaUrl(state.catalogue, name), name);
});

$('schema-url').addEventListener('change', (event) => {
  const url = event.target.value.trim();
  if (url) setSchema(url, url);
});

$('schema-file').addEventListener('change', async (event) => {
  const file = event.target.files[0];
  if (file) setSchema(await file.text(), file.name);
});

$('data-file').addEventListener('change', (event) => {
  if (event.target.files[0]) run(event.target.files[0]);
});

const dropZone = $('drop-zone');
dropZone.addEventListener('dragover', (event) => {
  event.preventDefault();
  dropZone.classList.add('over');
});
dropZone.addEventListener('dragleave', () => dropZone.classList.remove('over'));
dropZone.addEventListener('drop', (event) => {
  event.preventDefault();
  dropZone.classList.remove('over');
  if (event.dataTransfer.files[0]) run(event.dataTransfer.files[0]);
});

$('cancel').addEventListener('click', () => state.running?.abort());

async function run(file) {
  if (!state.schema) {
    $('schema-status').textContent = "Choisissez d'abord un schéma (catalogue, adresse ou fichier).";
    return;
  }
  state.running?.abort();
  const controller = new AbortController();
  state.running = controller;
  const progress = $('progress');
  progress.value = 0;
  $('cancel').hidden = false;
  $('result').hidden = true;
  const started = performance.now();
  let workers = 1;
  try {
    const report = await validator.validate(file, state.schema, {
      signal: controller.signal,
      lang: 'fr',
      maxErrors: 10000,
      workers: POOL,
      onProgress: ({ bytes, total, rows, workers: now = 1 }) => {
        workers = Math.max(workers, now);
        progress.value = total ? bytes / total : 1;
        $('progress-text').textContent = `${formatBytes(bytes)} / ${formatBytes(total)} — ${rows.toLocaleString('fr-FR')} lignes`;
      },
    });
    progress.value = 1;
    const seconds = (performance.now() - started) / 1000;
    // The file is split across a pool of Workers (one a core) when it is big enough.
    const pool = workers > 1 ? `, ${workers} Workers` : '';
    $('progress-text').textContent = `${formatBytes(file.size)} vérifiés en ${seconds.toFixed(1)} s${pool}`;
    $('progress-text').dataset.workers = String(workers);
    $('progress-text').dataset.ms = String(Math.round(performance.now() - started));
    showReport(file, report);
  } catch (error) {
    showFailure(error);
  } finally {
    if (state.running === controller) state.running = null;
    $('cancel').hidden = true;
  }
}

function showReport(file, report) {
  state.file = file;
  resetRepair(!report.valid);
  const verdict = $('verdict');
  verdict.dataset.valid = String(report.valid);
  verdict.textContent = report.valid
    ? `✔ ${file.name} est conforme au schéma.`
    : `✘ ${file.name} n'est pas conforme au schéma.`;
  $('summary').textContent = summaryOf(report);
  renderGrid(report.errors);
  renderErrors(report.errors);
  $('errors').hidden = report.errors.length === 0;
  $('errors-note').textContent = report.stats.truncated
    ? `La vérification s'est arrêtée après ${report.errors.length.toLocaleString('fr-FR')} erreurs.`
    : '';
  const result = $('result');
  result.hidden = false;
  result.dataset.state = 'done';
}

function showFailure(error) {
  resetRepair(false);
  const verdict = $('verdict');
  verdict.dataset.valid = 'error';
  verdict.textContent = error.name === 'AbortError'
    ? 'Vérification annulée.'
    : `⚠ Le fichier n'a pas pu être vérifié : ${error.message}`;
  $('summary').textContent = '';
  $('grid-wrapper').replaceChildren();
  $('errors').hidden = true;
  $('errors-note').textContent = '';
  const result = $('result');
  result.hidden = false;
  result.dataset.state = 'done';
}

function resetRepair(show) {
  $('repair').hidden = !show;
  $('fix').disabled = false;
  $('fix-status').textContent = '';
  $('fix-download').hidden = true;
  $('changes').hidden = true;
  if (state.download) URL.revokeObjectURL(state.download);
  state.download = null;
}

$('fix').addEventListener('click', async () => {
  const { file } = state;
  if (!file || !state.schema) return;
  const status = $('fix-status');
  $('fix').disabled = true;
  status.dataset.state = 'checking';
  status.textContent = 'Correction en cours…';
  try {
    const fixed = await validator.fix(file, state.schema, { lang: 'fr' });
    const left = await validator.validate(new Blob([fixed.data]), state.schema, { lang: 'fr', maxErrors: 10000 });
    if (state.file !== file) return;
    const name = file.name.replace(/\.[^.]*$/, '') || 'fichier';
    state.download = URL.createObjectURL(new Blob([fixed.data], { type: 'text/csv;charset=utf-8' }));
    const link = $('fix-download');
    link.href = state.download;
    link.download = `${name}-corrige.csv`;
    link.textContent = `Télécharger la copie corrigée (${link.download})`;
    link.hidden = false;
    const corrections = `${fixed.changes.toLocaleString('fr-FR')} correction${fixed.changes > 1 ? 's' : ''}`;
    const remaining = left.stats.error_count;
    status.dataset.state = remaining === 0 ? 'ready' : 'checking';
    status.textContent = remaining === 0
      ? `${corrections} : la copie corrigée est conforme au schéma.`
      : `${corrections} ; il reste ${remaining.toLocaleString('fr-FR')} erreur${remaining > 1 ? 's' : ''}${left.stats.truncated ? ' (au moins)' : ''} à corriger à la main dans la copie.`;
    renderChanges(fixed.log);
  } catch (error) {
    status.dataset.state = 'invalid';
    status.textContent = `La copie corrigée n'a pas pu être préparée : ${error.message}`;
  } finally {
    $('fix').disabled = false;
  }
});

function renderChanges(log) {
  const rows = log.slice(0, TABLE_CHANGES).map((c) => element('tr', {},
    element('td', { textContent: String(c.row) }),
    element('td', { textContent: c.column }),
    element('td', { textContent: c.old }),
    element('td', { textContent: c.new }),
    element('td', { textContent: c.rule.split('+').map((r) => RULE_LABELS[r] ?? r).join(', ') })));
  const table = $('changes');
  table.tBodies[0].replaceChildren(...rows);
  table.hidden = rows.length === 0;
}

function summaryOf(report) {
  const { stats } = report;
  const rows = `${stats.rows.toLocaleString('fr-FR')} ligne${stats.rows > 1 ? 's' : ''}`;
  const context = `${rows}, ${stats.fields} colonnes attendues, encodage ${stats.encoding}, séparateur « ${stats.delimiter} »`;
  if (report.valid) return `Aucune erreur sur ${context}.`;
  const parts = Object.entries(stats.error_types)
    .sort((a, b) => b[1] - a[1])
    .map(([type, n]) => `${n.toLocaleString('fr-FR')} × ${ERROR_LABELS[type] ?? type}`);
  const count = stats.error_count.toLocaleString('fr-FR');
  return `${count} erreur${stats.error_count > 1 ? 's' : ''}${stats.truncated ? ' (au moins)' : ''} sur ${context} : ${parts.join(', ')}.`;
}

// The rows that have errors, one column per field, invalid cells highlighted.
function renderGrid(errors) {
  const wrapper = $('grid-wrapper');
  const located = errors.filter((e) => e.row !== undefined && e.field_number !== undefined);
  if (located.length === 0) {
    wrapper.replaceChildren();
    return;
  }
  const columns = Math.max(state.fieldNames.length, ...located.map((e) => e.field_number));
  const names = Array.from({ length: columns }, (_, i) => state.fieldNames[i]
    ?? located.find((e) => e.field_number === i + 1)?.field_name ?? `colonne ${i + 1}`);
  const byRow = new Map();
  for (const error of located) {
    if (!byRow.has(error.row)) {
      if (byRow.size >= GRID_ROWS) continue;
      byRow.set(error.row, new Map());
    }
    const cells = byRow.get(error.row);
    const messages = cells.get(error.field_number) ?? [];
    messages.push(error);
    cells.set(error.field_number, messages);
  }
  const table = element('table', { id: 'grid', className: 'grid' });
  const head = element('tr', {}, element('th', { textContent: 'Ligne' }),
    ...names.map((name) => element('th', { textContent: name })));
  table.append(element('thead', {}, head));
  const body = element('tbody');
  for (const [row, cells] of byRow) {
    const tr = element('tr', {}, element('th', { textContent: String(row) }));
    for (let column = 1; column <= columns; column += 1) {
      const found = cells.get(column);
      const td = element('td');
      if (found) {
        td.className = 'invalid';
        td.dataset.row = String(row);
        td.dataset.column = String(column);
        td.textContent = found[0].cell ?? '';
        td.title = found.map((e) => e.message).join('\n');
      }
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(body);
  wrapper.replaceChildren(element('p', { className: 'grid-caption', textContent: 'Lignes en erreur (cellules invalides surlignées ; survolez-les pour le détail) :' }), table);
}

function renderErrors(errors) {
  const rows = errors.slice(0, TABLE_ERRORS).map((e) => element('tr', {},
    element('td', { textContent: e.row ?? '' }),
    element('td', { textContent: e.field_name ?? (e.field_number ?? '') }),
    element('td', { className: e.cell !== undefined ? 'invalid' : '', textContent: e.cell ?? '' }),
    element('td', { textContent: e.message })));
  $('errors').tBodies[0].replaceChildren(...rows);
}

function element(tag, properties = {}, ...children) {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
}

function formatBytes(n) {
  if (n < 1024) return `${n} o`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} Kio`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} Mio`;
  return `${(n / 1024 ** 3).toFixed(2)} Gio`;
}
