import { describe, expect, it } from 'vitest';
import { CHART_DIR, VALUES_DIR } from './support/repo-paths.js';
import { runHelm } from './support/run-helm.js';

/** NOTES.txt as `helm install` prints it (a client-side dry run renders it without a cluster). */
function installNotes(valuesFile: string): string {
  const result = runHelm([
    'install',
    'sy',
    CHART_DIR,
    '--dry-run=client',
    '--namespace',
    'switchyard',
    '--values',
    `${VALUES_DIR}/${valuesFile}.yaml`,
  ]);
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout.slice(result.stdout.indexOf('NOTES:'));
}

describe('NOTES.txt', () => {
  it('says how to create the first team and key with the master key', () => {
    const notes = installNotes('minimal');
    expect(notes).toContain('port-forward svc/sy-switchyard-accounting 8002:8002');
    expect(notes).toContain(
      "get secret sy-switchyard \\\n     -o jsonpath='{.data.SWITCHYARD_MASTER_KEY}'",
    );
    expect(notes).toContain('http://127.0.0.1:8002/admin/v1/teams');
    expect(notes).toContain('http://127.0.0.1:8002/admin/v1/keys');
    expect(notes).toContain('-d \'{"name": "platform"}\'');
    expect(notes).toContain('\\"team_id\\": \\"$TEAM_ID\\"');
  });

  it('reads the master key from the existing Secret and key when there is one', () => {
    expect(installNotes('existing-secret')).toContain(
      "get secret switchyard-secrets \\\n     -o jsonpath='{.data.master-key}'",
    );
  });

  it('points at the console, and warns when its sessions are spread over several pods', () => {
    const minimal = installNotes('minimal');
    expect(minimal).toContain('port-forward svc/sy-switchyard-console 8004:8004');
    expect(minimal).not.toContain('WARNING');
    expect(minimal).toContain('sy-switchyard-dashboards (label grafana_dashboard=1)');
    expect(installNotes('monitoring')).toContain('WARNING: console.replicaCount is 2.');
  });
});
