// Package registries, container registries, CI/CD and developer platforms.
import type { SecretRule } from '../rules.js';
import { base62Crc32Holds } from './checksum.js';
import { ALNUM, HEX, KEYED_SEPARATOR, keyed, token, UUID } from './define.js';

const critical = { severity: 'critical' } as const;

/** Registry, CI/CD and developer-platform credentials. */
export const DEVTOOLS_RULES: SecretRule<RegExp>[] = [
  token('npm-token', 'npm access token', ['npm_'], /\b(npm_[A-Za-z0-9]{36})\b/g, {
    ...critical,
    description: 'An npm access token (its CRC-32 checked).',
    verify: base62Crc32Holds,
  }),
  token('pypi-token', 'PyPI upload token', ['pypi-ageichlwas5vcmc'], /\b(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,})/g, {
    ...critical,
    description: 'A PyPI API token.',
  }),
  token('rubygems-key', 'RubyGems API key', ['rubygems_'], /\b(rubygems_[a-f0-9]{48})\b/g, critical),
  token('nuget-key', 'NuGet API key', ['oy2'], /\b(oy2[a-z0-9]{43})\b/g),
  token('crates-io-token', 'crates.io API token', ['cio'], /\b(cio[A-Za-z0-9]{32})\b/g, critical),
  token('clojars-token', 'Clojars deploy token', ['clojars_'], /\b(CLOJARS_[a-z0-9]{60})\b/gi, critical),
  token(
    'dockerhub-pat',
    'Docker Hub personal access token',
    ['dckr_pat_'],
    /\b(dckr_pat_[A-Za-z0-9_-]{27})(?![\w-])/g,
    critical,
  ),
  token(
    'dockerhub-oat',
    'Docker Hub organization access token',
    ['dckr_oat_'],
    /\b(dckr_oat_[A-Za-z0-9_-]{32})(?![\w-])/g,
    critical,
  ),
  token('jfrog-api-key', 'JFrog Artifactory API key', ['akcp'], /\b(AKCp[A-Za-z0-9]{69})\b/g, critical),
  token('jfrog-reference-token', 'JFrog identity reference token', ['cmvmd'], /\b(cmVmd[A-Za-z0-9]{59})\b/g, critical),
  keyed('snyk-token', 'Snyk API token', ['snyk'], UUID),
  token(
    'circleci-personal-token',
    'CircleCI personal API token',
    ['ccipat_'],
    /\b(CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40})\b/g,
  ),
  keyed('circleci-token', 'CircleCI API token', ['circleci', 'circle_token', 'circle-token'], HEX(40)),
  token('buildkite-token', 'Buildkite API access token', ['bkua_'], /\b(bkua_[a-f0-9]{40})\b/g),
  keyed('buildkite-agent-token', 'Buildkite agent token', ['buildkite_agent', 'buildkite-agent'], HEX(50)),
  keyed('travis-ci-token', 'Travis CI access token', ['travis'], '[a-z0-9_-]{22}'),
  token('sonar-project-token', 'SonarQube project analysis token', ['sqp_'], /\b(sqp_[a-f0-9]{40})\b/g),
  token('sonar-user-token', 'SonarQube user token', ['squ_'], /\b(squ_[a-f0-9]{40})\b/g),
  token('sonar-global-token', 'SonarQube global analysis token', ['sqa_'], /\b(sqa_[a-f0-9]{40})\b/g),
  keyed('codecov-token', 'Codecov upload token', ['codecov'], UUID, { severity: 'medium' }),
  keyed('octopus-deploy-key', 'Octopus Deploy API key', ['octopus'], 'API-[A-Z0-9]{26,32}'),
  token(
    'harness-pat',
    'Harness access token',
    ['pat.', 'sat.'],
    /\b((?:pat|sat)\.[A-Za-z0-9_-]{22}\.[a-z0-9]{24}\.[A-Za-z0-9]{20})\b/g,
  ),
  token('pulumi-token', 'Pulumi access token', ['pul-'], /\b(pul-[a-f0-9]{40})\b/g, critical),
  token(
    'terraform-cloud-token',
    'Terraform Cloud / HCP Terraform API token',
    ['atlasv1'],
    /\b([A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70})(?![\w=-])/g,
    critical,
  ),
  token('postman-api-key', 'Postman API key', ['pmak-'], /\b(PMAK-[a-f0-9]{24}-[a-f0-9]{34})\b/g),
  token('prefect-api-key', 'Prefect API key', ['pnu_'], /\b(pnu_[A-Za-z0-9]{36})\b/g),
  token('readme-api-key', 'ReadMe API key', ['rdme_'], /\b(rdme_[a-z0-9]{70})\b/g),
  token('infracost-api-key', 'Infracost API key', ['ico-'], /\b(ico-[A-Za-z0-9]{32})\b/g),
  token(
    'defined-networking-key',
    'Defined Networking API key',
    ['dnkey-'],
    /\b(dnkey-[a-z0-9=_-]{26}-[a-z0-9=_-]{52})(?![\w=-])/g,
  ),
  token(
    'sidekiq-credentials',
    'Sidekiq Pro/Enterprise credentials',
    ['contribsys'],
    // Bundler's `BUNDLE_ENTERPRISE__CONTRIBSYS__COM`, also as `bundle.enterprise.contribsys.com` or camel case.
    new RegExp(
      `(?:bundle[_.]{0,2})?(?:enterprise|gems)[_.]{0,2}contribsys[_.]{0,2}com${KEYED_SEPARATOR}([a-f0-9]{8}:[a-f0-9]{8})\\b`,
      'gi',
    ),
    critical,
  ),
  token(
    'sidekiq-url',
    'Sidekiq Pro/Enterprise source URL with credentials',
    ['contribsys.com'],
    /https?:\/\/([a-f0-9]{8}:[a-f0-9]{8})@(?:gems|enterprise)\.contribsys\.com/gi,
    critical,
  ),
  keyed('looker-client-id', 'Looker API client ID', ['looker'], ALNUM(20), { severity: 'medium' }),
  keyed('looker-client-secret', 'Looker API client secret', ['looker'], ALNUM(24)),
  keyed('okta-api-token', 'Okta API token', ['okta'], '00[a-z0-9_=-]{40}', critical),
  keyed('auth0-client-secret', 'Auth0 client secret', ['auth0'], '[a-z0-9_-]{64}', critical),
  keyed('fastly-api-token', 'Fastly API token', ['fastly'], '[a-z0-9_=-]{32}'),
  token('settlemint-personal-token', 'SettleMint personal access token', ['sm_pat_'], /\b(sm_pat_[A-Za-z0-9]{16})\b/g),
  token(
    'settlemint-application-token',
    'SettleMint application access token',
    ['sm_aat_'],
    /\b(sm_aat_[A-Za-z0-9]{16})\b/g,
  ),
  token('settlemint-service-token', 'SettleMint service access token', ['sm_sat_'], /\b(sm_sat_[A-Za-z0-9]{16})\b/g),
  keyed('shortcut-api-token', 'Shortcut API token', ['shortcut', 'clubhouse'], UUID),
  keyed('gitter-token', 'Gitter access token', ['gitter'], HEX(40)),
];
