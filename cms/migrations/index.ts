import * as migration_20261126_074743_initial from './20261126_074743_initial';

export const migrations = [
  {
    up: migration_20261126_074743_initial.up,
    down: migration_20261126_074743_initial.down,
    name: '20261126_074743_initial'
  },
];
