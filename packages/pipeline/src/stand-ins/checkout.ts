// actions/checkout: the working tree is already here. The run uses it as it is (uncommitted
// changes included), so nothing is fetched and no credentials are written anywhere.
import type { StandIn } from './stand-in.js';

export const checkout: StandIn = {
  uses: 'actions/checkout',
  description: 'uses the working tree as it is; nothing is fetched and no credentials are stored',
  async run({ with: w, workspace, logger, exec }) {
    if (w.repository && w.repository !== '')
      logger.warning(`checkout: repository ${w.repository} is not fetched locally; the working tree is used`);
    const head = await exec('git', ['-C', workspace, 'rev-parse', 'HEAD']);
    const commit = head.code === 0 ? head.stdout.trim() : '';
    const ref = await exec('git', ['-C', workspace, 'symbolic-ref', '-q', 'HEAD']);
    logger.info(
      `checkout (stand-in): the working tree at ${workspace}${commit ? ` (${commit.slice(0, 12)})` : ''} is used as it is`,
    );
    return { ref: ref.code === 0 ? ref.stdout.trim() : '', commit };
  },
};
