/** The records view's styles, on Payload's own variables, so it reads like the rest of the admin in light and dark mode. */
export const RECORDS_CSS = `
.records { padding-block: calc(var(--base) * 1.5) calc(var(--base) * 3); max-width: 960px; line-height: 1.5; }
.records h1 { margin: 0 0 calc(var(--base) * 0.5); }
.records__lead, .records__note { color: var(--theme-elevation-800); margin: 0 0 calc(var(--base) * 0.5); max-width: 60rem; }
.records__toc { margin-top: var(--base); }
.records__toc h2, .records__store h2 { font-size: 1.25rem; margin: 0 0 calc(var(--base) * 0.5); }
.records__toc ol { margin: 0; padding-left: 1.5rem; }
.records__store { margin-top: calc(var(--base) * 1.5); padding: var(--base); border: 1px solid var(--theme-elevation-150); border-radius: var(--style-radius-m, 4px); background: var(--theme-elevation-0); }
.records__facts { display: grid; grid-template-columns: minmax(9rem, 12rem) 1fr; gap: calc(var(--base) * 0.4) var(--base); margin: 0; }
.records__facts dt { font-weight: 600; }
.records__facts dd { margin: 0; }
.records__facts ul { margin: 0; padding-left: 1.25rem; }
.records__warning { margin: calc(var(--base) * 0.25) 0 0; color: var(--theme-warning-750, var(--theme-elevation-900)); font-weight: 600; }
.records__note { margin-top: calc(var(--base) * 1.5); }
.records a:focus-visible { outline: 2px solid var(--theme-success-500); outline-offset: 2px; }
@media (max-width: 700px) { .records__facts { grid-template-columns: 1fr; } }
`
