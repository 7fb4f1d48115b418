// Source hosting and its companions: GitHub, GitLab, Bitbucket/Atlassian, Azure DevOps, Gitea.
import type { SecretRule } from '../rules.js';
import { base62Crc32Holds } from './checksum.js';
import { ALNUM, HEX, keyed, token } from './define.js';

const critical = { severity: 'critical' } as const;

/** GitHub, GitLab, Atlassian and Azure DevOps credentials. */
export const VCS_RULES: SecretRule<RegExp>[] = [
  token(
    'github-token',
    'GitHub token',
    ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    /\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36})\b/g,
    {
      ...critical,
      description:
        'A GitHub personal access, OAuth, user-to-server, server-to-server or refresh token (its CRC-32 checked).',
      verify: base62Crc32Holds,
    },
  ),
  token(
    'github-fine-grained-token',
    'GitHub fine-grained token',
    ['github_pat_'],
    /\b(github_pat_[A-Za-z0-9_]{82})\b/g,
    {
      ...critical,
      description: 'A GitHub fine-grained personal access token.',
    },
  ),
  token(
    'gitlab-token',
    'GitLab token',
    ['glpat-', 'gldt-', 'glrt-', 'glptt-'],
    /\b((?:glpat|gldt|glrt|glptt)-[A-Za-z0-9_-]{20,})\b/g,
    {
      ...critical,
      description: 'A GitLab personal, deploy, runner authentication or pipeline trigger token.',
    },
  ),
  token('gitlab-feed-token', 'GitLab feed token', ['glft-'], /\b(glft-[A-Za-z0-9_-]{20})(?![\w-])/g),
  token(
    'gitlab-incoming-mail-token',
    'GitLab incoming mail token',
    ['glimt-'],
    /\b(glimt-[A-Za-z0-9_-]{25})(?![\w-])/g,
  ),
  token(
    'gitlab-agent-token',
    'GitLab Kubernetes agent token',
    ['glagent-'],
    /\b(glagent-[A-Za-z0-9_-]{50})(?![\w-])/g,
    critical,
  ),
  token(
    'gitlab-oauth-secret',
    'GitLab OAuth application secret',
    ['gloas-'],
    /\b(gloas-[A-Za-z0-9_-]{64})(?![\w-])/g,
    critical,
  ),
  token(
    'gitlab-ci-job-token',
    'GitLab CI/CD job token',
    ['glcbt-'],
    /\b(glcbt-[0-9a-fA-F]{1,5}_[A-Za-z0-9_-]{20})(?![\w-])/g,
  ),
  token('gitlab-scim-token', 'GitLab SCIM token', ['glsoat-'], /\b(glsoat-[A-Za-z0-9_-]{20})(?![\w-])/g, critical),
  token(
    'gitlab-feature-flag-token',
    'GitLab feature flag client token',
    ['glffct-'],
    /\b(glffct-[A-Za-z0-9_-]{20})(?![\w-])/g,
  ),
  token(
    'gitlab-runner-registration-token',
    'GitLab runner registration token',
    ['gr1348941'],
    /\b(GR1348941[A-Za-z0-9_-]{20})(?![\w-])/g,
    critical,
  ),
  token('gitlab-session-cookie', 'GitLab session cookie', ['_gitlab_session='], /_gitlab_session=([0-9a-z]{32})\b/g),
  token('atlassian-api-token', 'Atlassian API token', ['atatt3'], /\b(ATATT3[A-Za-z0-9_=-]{186})(?![\w=-])/g, critical),
  keyed(
    'atlassian-legacy-token',
    'Atlassian (Jira, Confluence) API token',
    ['atlassian', 'confluence', 'jira'],
    '[a-z0-9]{24}',
  ),
  keyed('bitbucket-client-id', 'Bitbucket OAuth client ID', ['bitbucket'], ALNUM(32), { severity: 'medium' }),
  keyed('bitbucket-client-secret', 'Bitbucket OAuth client secret', ['bitbucket'], '[a-z0-9_=-]{64}'),
  token(
    'azure-devops-pat',
    'Azure DevOps personal access token',
    ['azdo'],
    /\b([A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4})\b/g,
    critical,
  ),
  keyed(
    'azure-devops-legacy-pat',
    'Azure DevOps personal access token (52 characters)',
    ['azure_devops', 'azure-devops', 'azure.devops', 'azuredevops', 'ado_', 'vsts'],
    '[a-z2-7]{52}',
    critical,
  ),
  keyed('gitea-token', 'Gitea access token', ['gitea'], HEX(40)),
];
