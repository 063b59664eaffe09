/** The images test/images/run.sh built for this run, by service. */
export function testImage(
  service: 'gateway' | 'accounting' | 'catalog' | 'console' | 'migrate' | 'standalone',
): string {
  const tag = process.env.SWITCHYARD_IMAGES_TAG;
  if (tag === undefined || tag === '') {
    throw new Error('SWITCHYARD_IMAGES_TAG is unset: run test/images/run.sh, which builds them');
  }
  return `localhost/switchyard-test/${service}:${tag}`;
}
