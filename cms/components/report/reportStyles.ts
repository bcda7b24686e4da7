/**
 * The report view's styles, on Payload's own variables (--base, --theme-elevation-*, --theme-success-*),
 * so it looks like the rest of the admin in light and dark mode. Print: the charts and the tables,
 * no navigation, no form, no buttons.
 */
export const REPORT_CSS = `
.report { padding-block: calc(var(--base) * 1.5) calc(var(--base) * 3); max-width: 1200px; }
.report h1 { margin: 0 0 calc(var(--base) * 0.5); }
.report__lead, .report__asof, .report__note { color: var(--theme-elevation-650); margin: 0; }
.report__h2 { font-size: 1.25rem; margin: 0 0 calc(var(--base) * 0.75); }
.report__section { margin-top: calc(var(--base) * 2); }
.report__period { font-size: 1.5rem; margin: 0 0 calc(var(--base) * 0.25); }
.report__files { display: flex; flex-wrap: wrap; gap: calc(var(--base) * 0.75); align-items: center; margin-top: var(--base); }
.report__download { display: inline-block; padding: calc(var(--base) * 0.4) calc(var(--base) * 0.8); border: 1px solid var(--theme-elevation-400); border-radius: var(--style-radius-s, 3px); background: var(--theme-elevation-0); color: var(--theme-text); text-decoration: none; font-weight: 600; }
.report__download:hover, .report__download:focus-visible { background: var(--theme-elevation-100); color: var(--theme-text); }
.report__download:focus-visible { outline: 2px solid var(--theme-success-500); outline-offset: 2px; }
.report-form { margin-top: calc(var(--base) * 1.5); padding: var(--base); border: 1px solid var(--theme-elevation-150); border-radius: var(--style-radius-m, 4px); background: var(--theme-elevation-0); }
.report-form fieldset { border: 0; padding: 0; margin: 0; min-width: 0; }
.report-form legend { font-weight: 600; padding: 0; margin-bottom: calc(var(--base) * 0.25); }
.report-form__presets { display: flex; flex-wrap: wrap; gap: var(--base) calc(var(--base) * 2); }
.report-form__year { display: flex; flex-wrap: wrap; gap: calc(var(--base) * 0.35); align-items: center; }
.report-form__year legend { width: 100%; }
.report-form__preset { font: inherit; cursor: pointer; padding: calc(var(--base) * 0.3) calc(var(--base) * 0.6); border-radius: var(--style-radius-s, 3px); border: 1px solid var(--theme-elevation-250); background: var(--theme-elevation-50); color: var(--theme-text); }
.report-form__preset:hover { background: var(--theme-elevation-100); }
.report-form__preset:focus-visible, .report-form input:focus-visible { outline: 2px solid var(--theme-success-500); outline-offset: 2px; }
.report-form__preset--current { background: var(--theme-elevation-800); border-color: var(--theme-elevation-800); color: var(--theme-elevation-0); font-weight: 600; }
.report-form__own { display: flex; flex-wrap: wrap; gap: var(--base); align-items: flex-end; margin-top: calc(var(--base) * 1.25) !important; padding-top: var(--base) !important; border-top: 1px solid var(--theme-elevation-150) !important; }
.report-form__own legend { float: left; width: 100%; margin-bottom: calc(var(--base) * 0.5); }
.report-form__field { display: flex; flex-direction: column; gap: calc(var(--base) * 0.25); }
.report-form__field input { font: inherit; padding: calc(var(--base) * 0.4) calc(var(--base) * 0.5); border: 1px solid var(--theme-elevation-250); border-radius: var(--style-radius-s, 3px); background: var(--theme-input-bg, var(--theme-elevation-0)); color: var(--theme-text); }
.report-form__field--error input { border-color: var(--theme-error-500); }
.report-form__error { color: var(--theme-error-600, var(--theme-error-500)); margin: 0; max-width: 22rem; }
.report-form__submit { margin: 0 !important; }
.report__numbers { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: var(--base); }
.report__number { padding: var(--base); display: flex; flex-direction: column; gap: calc(var(--base) * 0.25); margin: 0; }
.report__figure { font-size: 2.25rem; line-height: 1.1; font-weight: 600; margin: 0; }
.report__lead-times { display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 16rem)); gap: var(--base); margin: var(--base) 0 0; }
.report__lead-times dt { font-weight: 600; }
.report__pair { display: grid; grid-template-columns: minmax(0, 3fr) minmax(16rem, 2fr); gap: calc(var(--base) * 2); align-items: start; }
@media (max-width: 900px) { .report__pair { grid-template-columns: 1fr; } }
.report__data { width: 100%; border-collapse: collapse; }
.report__caption { text-align: left; font-weight: 600; padding-bottom: calc(var(--base) * 0.35); }
.report__data th, .report__data td { text-align: left; padding: calc(var(--base) * 0.3) calc(var(--base) * 0.4); border-bottom: 1px solid var(--theme-elevation-150); font-weight: normal; vertical-align: top; }
.report__data thead th { font-weight: 600; border-bottom-color: var(--theme-elevation-400); }
.report__data .report__count { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.report-chart { display: block; width: 100%; max-width: 560px; height: auto; font-family: inherit; }
.report-chart__label { fill: var(--theme-elevation-800); font-size: 12px; }
.report-chart__value { fill: var(--theme-elevation-1000); font-size: 12px; font-weight: 600; }
.report-chart__bar { fill: var(--theme-success-500); }
.report-chart__track { fill: var(--theme-elevation-50); }
.report-chart__axis { stroke: var(--theme-elevation-400); stroke-width: 1; }
.report-sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.report--refused { padding-block: calc(var(--base) * 2); }
@media print {
  .nav, .template-default__nav-toggler-wrapper, .app-header, .report-form, .report__files { display: none !important; }
  .template-default__wrap { padding: 0 !important; margin: 0 !important; }
  .template-default { display: block !important; }
  .report { padding: 0; max-width: none; }
  .report__section { break-inside: avoid; margin-top: 12pt; }
  .report__pair { grid-template-columns: 3fr 2fr; }
  .report-chart__bar { fill: #2f6d3a; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .report-chart__track { fill: #eee; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .report-chart__label, .report-chart__value { fill: #000; }
  .card { box-shadow: none !important; border: 1px solid #999; }
}
`
