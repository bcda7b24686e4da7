import type { Access } from 'payload'

/** Public read, used only where the public site shows the data (say why at each use). */
export const anyone: Access = () => true
