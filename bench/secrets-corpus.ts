// A secrets benchmark corpus, written at run time (no literal credential sits in the repository):
//  - per credential type, one real-format sample in each common assignment layout (.env, INI,
//    properties, YAML, JSON, TOML, XML element and attribute, Go, PHP, Makefile, shell export,
//    Java setProperty/put, JS/TS const, Python), each in its own file at a known line;
//  - look-alike non-secrets in the same layouts: placeholders behind each type's real prefix
//    (x, X, *, #, repeated and sequential characters), alphabet constants, public keys, hashes,
//    UUIDs and OIDs, under key names that a generic rule reads.
// The formats come from FORMAT_TABLE below (prefix, alphabet, length, checksum), one row per type,
// from each provider's documented token format.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The alphabets a template names as `{name:length}`. */
const ALPHABETS: Record<string, string> = {
  a62: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  alpha: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  hex: '0123456789abcdef',
  HEX: '0123456789ABCDEF',
  b64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  b64u: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-',
  up32: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  lo32: 'abcdefghijklmnopqrstuvwxyz234567',
  lc36: 'abcdefghijklmnopqrstuvwxyz0123456789',
  uc36: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  dig: '0123456789',
  bech32: 'qpzry9x8gf2tvdw0s3jn54khce6mua7l',
};

// type id | key name the sample is assigned to | template: literal text, `{alphabet:length}`,
// `{crc}` (CRC32 of the random part so far, 6 base62 digits, as GitHub and npm append), `{uuid}`,
// `{jwt}`, `{pem:KIND}`. Literal prefixes of fixed tokens are split with `^` so that this source
// is not itself a credential to a scanner; `^` is removed when a sample is made.
const FORMAT_TABLE = `
aws-access-key-id          | AWS_ACCESS_KEY_ID          | AK^IA{up32:16}
aws-secret-access-key      | AWS_SECRET_ACCESS_KEY      | {b64:40}
github-pat                 | GITHUB_TOKEN               | gh^p_{a62:30}{crc}
github-oauth               | GH_OAUTH_TOKEN             | gh^o_{a62:30}{crc}
github-app-user-token      | GITHUB_USER_TOKEN          | gh^u_{a62:30}{crc}
github-app-server-token    | GITHUB_APP_TOKEN           | gh^s_{a62:30}{crc}
github-refresh-token       | GITHUB_REFRESH_TOKEN       | gh^r_{a62:30}{crc}
github-fine-grained-pat    | GITHUB_PAT                 | github^_pat_11{uc36:20}_{a62:59}
gitlab-pat                 | GITLAB_TOKEN               | gl^pat-{b64u:20}
gitlab-deploy-token        | GITLAB_DEPLOY_TOKEN        | gl^dt-{b64u:20}
gitlab-runner-token        | RUNNER_TOKEN               | gl^rt-{b64u:20}
gitlab-pipeline-trigger    | TRIGGER_TOKEN              | gl^ptt-{hex:40}
gitlab-feed-token          | GITLAB_FEED_TOKEN          | gl^ft-{b64u:20}
gitlab-incoming-mail-token | INCOMING_MAIL_TOKEN        | gl^imt-{b64u:25}
gitlab-agent-token         | GITLAB_AGENT_TOKEN         | gl^agent-{b64u:50}
gitlab-oauth-secret        | GITLAB_OAUTH_SECRET        | gl^oas-{b64u:64}
gitlab-cicd-job-token      | CI_JOB_TOKEN               | gl^cbt-1_{b64u:20}
gitlab-scim-token          | GITLAB_SCIM_TOKEN          | gl^soat-{b64u:20}
slack-bot-token            | SLACK_BOT_TOKEN            | xo^xb-{dig:12}-{dig:13}-{a62:24}
slack-user-token           | SLACK_USER_TOKEN           | xo^xp-{dig:12}-{dig:12}-{dig:13}-{hex:32}
slack-app-token            | SLACK_APP_TOKEN            | xa^pp-1-A{uc36:10}-{dig:13}-{hex:64}
slack-webhook              | SLACK_WEBHOOK_URL          | https://hooks.^slack.com/services/T{uc36:8}/B{uc36:10}/{a62:24}
stripe-live-secret         | STRIPE_SECRET_KEY          | sk^_live_{a62:99}
stripe-test-secret         | STRIPE_TEST_KEY            | sk^_test_{a62:24}
stripe-restricted-key      | STRIPE_RESTRICTED_KEY      | rk^_live_{a62:99}
stripe-webhook-secret      | STRIPE_WEBHOOK_SECRET      | wh^sec_{a62:32}
google-api-key             | GOOGLE_API_KEY             | AI^za{b64u:35}
google-oauth-client-secret | GOOGLE_CLIENT_SECRET       | GO^CSPX-{b64u:28}
azure-storage-key          | AZURE_STORAGE_CONNECTION   | DefaultEndpointsProtocol=https;AccountName=shop;Account^Key={b64:86}==;EndpointSuffix=core.windows.net
azure-ad-client-secret     | AZURE_CLIENT_SECRET        | {a62:3}8Q~{b64u:34}
azure-devops-legacy-pat    | AZURE_DEVOPS_PAT           | {lo32:52}
azure-devops-pat           | AZDO_PERSONAL_ACCESS_TOKEN | {a62:76}AZDO{a62:4}
private-key                | SSH_PRIVATE_KEY            | {pem:RSA PRIVATE KEY}
openssh-private-key        | DEPLOY_KEY                 | {pem:OPENSSH PRIVATE KEY}
jwt                        | AUTH_TOKEN                 | {jwt}
jwt-base64                 | SERVICE_AUTH_TOKEN         | {jwtb64}
npm-token                  | NPM_TOKEN                  | np^m_{a62:30}{crc}
pypi-token                 | PYPI_API_TOKEN             | pypi-AgEI^cHlwaS5vcmc{b64u:70}
rubygems-key               | GEM_HOST_API_KEY           | rubygems^_{hex:48}
nuget-key                  | NUGET_API_KEY              | oy^2{lc36:43}
clojars-token              | CLOJARS_TOKEN              | CLOJARS^_{lc36:60}
twilio-api-key             | TWILIO_API_KEY             | S^K{hex:32}
sendgrid-key               | SENDGRID_API_KEY           | S^G.{b64u:22}.{b64u:43}
mailgun-private-key        | MAILGUN_API_KEY            | ke^y-{hex:32}
mailgun-signing-key        | MAILGUN_SIGNING_KEY        | {hex:32}-{hex:8}-{hex:8}
mailchimp-api-key          | MAILCHIMP_API_KEY          | {hex:32}-us{dig:2}
shopify-access-token       | SHOPIFY_ACCESS_TOKEN       | shp^at_{hex:32}
shopify-custom-app-token   | SHOPIFY_CUSTOM_TOKEN       | shp^ca_{hex:32}
shopify-private-app-token  | SHOPIFY_PRIVATE_TOKEN      | shp^pa_{hex:32}
shopify-shared-secret      | SHOPIFY_SHARED_SECRET      | shp^ss_{hex:32}
digitalocean-pat           | DIGITALOCEAN_TOKEN         | dop^_v1_{hex:64}
digitalocean-oauth         | DO_OAUTH_TOKEN             | doo^_v1_{hex:64}
digitalocean-refresh       | DO_REFRESH_TOKEN           | dor^_v1_{hex:64}
heroku-api-key             | HEROKU_API_KEY             | {uuid}
heroku-api-key-v2          | HEROKU_API_TOKEN           | HRKU^-AA{b64u:58}
databricks-token           | DATABRICKS_TOKEN           | da^pi{hex:32}
openai-key                 | OPENAI_API_KEY             | sk-^proj-{b64u:74}T3Blbk^FJ{b64u:74}
anthropic-key              | ANTHROPIC_API_KEY          | sk-^ant-api03-{b64u:93}AA
anthropic-admin-key        | ANTHROPIC_ADMIN_KEY        | sk-^ant-admin01-{b64u:93}AA
database-url-password      | DATABASE_URL               | postgres://app:{a62:18}@db.internal:5432/shop
huggingface-token          | HF_TOKEN                   | h^f_{alpha:34}
huggingface-org-token      | HF_ORG_TOKEN               | api^_org_{alpha:34}
telegram-bot-token         | TELEGRAM_BOT_TOKEN         | {dig:10}:AA{b64u:33}
discord-bot-token          | DISCORD_BOT_TOKEN          | MT{a62:22}.{b64u:6}.{b64u:38}
discord-webhook            | DISCORD_WEBHOOK            | https://discord.^com/api/webhooks/{dig:19}/{b64u:68}
cloudflare-api-token       | CLOUDFLARE_API_TOKEN       | {b64u:40}
cloudflare-global-api-key  | CLOUDFLARE_API_KEY         | {hex:37}
cloudflare-origin-ca-key   | CF_ORIGIN_CA_KEY           | v1.0-{hex:24}-{hex:146}
sentry-user-token          | SENTRY_AUTH_TOKEN          | sntr^yu_{hex:64}
sentry-org-token           | SENTRY_ORG_TOKEN           | sntr^ys_eyJpYXQiO{b64:80}_{a62:43}
newrelic-user-key          | NEW_RELIC_API_KEY          | NR^AK-{uc36:27}
newrelic-insert-key        | NEW_RELIC_INSERT_KEY       | NR^II-{b64u:32}
newrelic-browser-key       | NEW_RELIC_BROWSER_KEY      | NR^JS-{hex:19}
atlassian-api-token        | JIRA_API_TOKEN             | ATA^TT3xFfGF0{b64u:171}={HEX:8}
bitbucket-app-password     | BITBUCKET_APP_PASSWORD     | ATB^B{a62:32}{HEX:8}
planetscale-password       | PLANETSCALE_PASSWORD       | pscale^_pw_{b64u:43}
planetscale-token          | PLANETSCALE_TOKEN          | pscale^_tkn_{b64u:43}
planetscale-oauth          | PLANETSCALE_OAUTH          | pscale^_oauth_{b64u:43}
messagebird-key            | MESSAGEBIRD_API_KEY        | {a62:25}
twitter-bearer-token       | TWITTER_BEARER_TOKEN       | AAAAAAAAAAAAAAAAAAAAA{a62:80}
twitter-api-secret         | TWITTER_API_SECRET         | {a62:50}
datadog-api-key            | DATADOG_API_KEY            | {hex:32}
datadog-app-key            | DATADOG_APP_KEY            | {hex:40}
grafana-api-key            | GRAFANA_API_KEY            | eyJr^Ijoi{b64:70}
grafana-cloud-token        | GRAFANA_CLOUD_TOKEN        | gl^c_{b64:80}
grafana-service-account    | GRAFANA_SA_TOKEN           | gl^sa_{a62:32}_{hex:8}
doppler-token              | DOPPLER_TOKEN              | dp.^st.prd.{a62:43}
doppler-personal-token     | DOPPLER_PERSONAL_TOKEN     | dp.^pt.{a62:43}
vault-service-token        | VAULT_TOKEN                | hv^s.{b64u:90}
vault-batch-token          | VAULT_BATCH_TOKEN          | hv^b.{b64u:138}
terraform-cloud-token      | TFE_TOKEN                  | {a62:14}.atl^asv1.{b64u:67}
pulumi-token               | PULUMI_ACCESS_TOKEN        | pu^l-{hex:40}
dockerhub-pat              | DOCKERHUB_TOKEN            | dckr^_pat_{b64u:27}
jfrog-api-key              | ARTIFACTORY_API_KEY        | AK^Cp{a62:69}
jfrog-identity-token       | JFROG_ACCESS_TOKEN         | cmVmdGtu^OjAxOj{a62:48}
snyk-token                 | SNYK_TOKEN                 | {uuid}
circleci-token             | CIRCLECI_TOKEN             | CCIP^AT_{a62:22}_{hex:40}
buildkite-token            | BUILDKITE_API_TOKEN        | bk^ua_{hex:40}
aws-bedrock-api-key        | AWS_BEARER_TOKEN_BEDROCK   | AB^SKQmVkcm9ja0FQSUtleS{b64:110}
okta-token                 | OKTA_API_TOKEN             | 00{b64u:40}
linear-api-key             | LINEAR_API_KEY             | lin^_api_{a62:40}
notion-token               | NOTION_TOKEN               | nt^n_{dig:11}{a62:35}
notion-secret              | NOTION_SECRET              | secret^_{a62:43}
postman-api-key            | POSTMAN_API_KEY            | PM^AK-{hex:24}-{hex:34}
fastly-api-token           | FASTLY_API_TOKEN           | {b64u:32}
netlify-token              | NETLIFY_AUTH_TOKEN         | nf^p_{a62:36}
vercel-token               | VERCEL_TOKEN               | {a62:24}
supabase-access-token      | SUPABASE_ACCESS_TOKEN      | sb^p_{hex:40}
supabase-secret-key        | SUPABASE_SECRET_KEY        | sb^_secret_{b64u:32}
square-access-token        | SQUARE_ACCESS_TOKEN        | EA^AA{b64u:60}
square-oauth-secret        | SQUARE_OAUTH_SECRET        | sq0^csp-{b64u:43}
braintree-token            | BRAINTREE_ACCESS_TOKEN     | access_token$^production\${lc36:16}\${hex:32}
paypal-client-secret       | PAYPAL_CLIENT_SECRET       | E{b64u:79}
plaid-secret               | PLAID_SECRET               | {hex:30}
plaid-access-token         | PLAID_ACCESS_TOKEN         | access-^production-{uuid}
coinbase-api-secret        | COINBASE_API_SECRET        | {b64u:64}
alibaba-access-key-id      | ALIBABA_ACCESS_KEY_ID      | LT^AI{a62:20}
alibaba-secret             | ALIBABA_ACCESS_KEY_SECRET  | {a62:30}
tencent-secret-id          | TENCENTCLOUD_SECRET_ID     | AK^ID{a62:32}
age-secret-key             | SOPS_AGE_KEY               | AGE-SECRET^-KEY-1{bech32:58}
onepassword-secret-key     | OP_SECRET_KEY              | A3-{uc36:6}-{uc36:6}-{uc36:5}-{uc36:5}-{uc36:5}-{uc36:5}
onepassword-service-token  | OP_SERVICE_ACCOUNT_TOKEN   | op^s_eyJ{b64:250}
sidekiq-credentials        | BUNDLE_ENTERPRISE__CONTRIBSYS__COM | {hex:8}:{hex:8}
etsy-api-key               | ETSY_API_KEY               | {lc36:24}
linkedin-client-secret     | LINKEDIN_CLIENT_SECRET     | {a62:16}
lob-api-key                | LOB_API_KEY                | li^ve_{hex:35}
looker-client-secret       | LOOKER_CLIENT_SECRET       | {a62:24}
sendbird-token             | SENDBIRD_API_TOKEN         | {hex:40}
kucoin-secret-key          | KUCOIN_SECRET_KEY          | {uuid}
finicity-secret            | FINICITY_CLIENT_SECRET     | {a62:20}
settlemint-token           | SETTLEMINT_ACCESS_TOKEN    | sm^_pat_{a62:16}
airtable-pat               | AIRTABLE_TOKEN             | pa^t{a62:14}.{hex:64}
shippo-token               | SHIPPO_API_TOKEN           | shippo^_live_{hex:40}
readme-api-key             | README_API_KEY             | rd^me_{lc36:70}
prefect-api-key            | PREFECT_API_KEY            | pn^u_{a62:36}
flyio-token                | FLY_API_TOKEN              | fo^1_{b64u:43}
dynatrace-token            | DT_API_TOKEN               | dt0c^01.{uc36:24}.{uc36:64}
duffel-token               | DUFFEL_ACCESS_TOKEN        | duffel^_live_{b64u:43}
frameio-token              | FRAMEIO_TOKEN              | fio^-u-{b64u:64}
easypost-key               | EASYPOST_API_KEY           | EZ^AK{a62:54}
mapbox-secret-token        | MAPBOX_SECRET_TOKEN        | sk.^eyJ1Ijoi{a62:50}.{b64u:22}
scalingo-token             | SCALINGO_API_TOKEN         | tk-^us-{b64u:48}
groq-key                   | GROQ_API_KEY               | gs^k_{a62:52}
perplexity-key             | PERPLEXITY_API_KEY         | ppl^x-{a62:48}
replicate-token            | REPLICATE_API_TOKEN        | r8^_{a62:37}
xai-key                    | XAI_API_KEY                | xa^i-{a62:80}
langsmith-key              | LANGSMITH_API_KEY          | lsv^2_pt_{hex:32}_{hex:10}
harness-pat                | HARNESS_API_KEY            | pa^t.{b64u:22}.{hex:24}.{a62:20}
defined-networking-key     | DN_API_KEY                 | dn^key-{uc36:26}-{a62:44}
figma-token                | FIGMA_TOKEN                | fig^d_{b64u:40}
contentful-token           | CONTENTFUL_MANAGEMENT_TOKEN | CF^PAT-{b64u:43}
typeform-token             | TYPEFORM_TOKEN             | tf^p_{b64u:44}_{a62:14}
octopus-deploy-key         | OCTOPUS_API_KEY            | AP^I-{uc36:26}
hubspot-token              | HUBSPOT_ACCESS_TOKEN       | pat-^na1-{uuid}
sonarqube-token            | SONAR_TOKEN                | sq^p_{hex:40}
infracost-key              | INFRACOST_API_KEY          | ic^o-{a62:32}
flutterwave-secret         | FLUTTERWAVE_SECRET_KEY     | FLWSEC^K_TEST-{hex:32}-X
algolia-admin-key          | ALGOLIA_ADMIN_KEY          | {hex:32}
adafruit-key               | ADAFRUIT_IO_KEY            | ai^o_{a62:28}
asana-pat                  | ASANA_ACCESS_TOKEN         | 2/{dig:16}/{dig:16}:{hex:32}
zendesk-token              | ZENDESK_API_TOKEN          | {a62:40}
intercom-token             | INTERCOM_ACCESS_TOKEN      | dG9r^Om{b64:54}=
rapidapi-key               | RAPIDAPI_KEY               | {b64u:50}
mistral-key                | MISTRAL_API_KEY            | {a62:32}
cohere-key                 | COHERE_API_KEY             | {a62:40}
gitlab-feature-flag-token  | UNLEASH_INSTANCE_TOKEN     | gl^ffct-{b64u:20}
gitlab-runner-registration-token | REGISTRATION_TOKEN   | GR1348^941{b64u:20}
gitlab-session-cookie      | GITLAB_COOKIE              | _gitlab_^session={hex:32}
atlassian-legacy-token     | CONFLUENCE_API_TOKEN       | {a62:24}
bitbucket-client-secret    | BITBUCKET_CLIENT_SECRET    | {b64u:64}
gitea-token                | GITEA_TOKEN                | {hex:40}
aws-bedrock-short-term-key | AWS_BEDROCK_BEARER         | bedrock-api-^key-YmVkcm9jay5hbWF6b25hd3MuY29t{b64:300}
google-oauth-access-token  | GOOGLE_ACCESS_TOKEN        | ya^29.{b64u:150}
firebase-cloud-messaging-key | FCM_SERVER_KEY           | AAAA{b64u:7}:APA^91b{b64u:134}
azure-shared-access-key    | SERVICEBUS_CONNECTION      | Endpoint=sb://shop.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;Shared^AccessKey={b64:43}=
azure-sas-token            | AZURE_STORAGE_SAS          | sv=2022-11-02&ss=b&srt=sco&sp=rwdlac&se=2027-01-01T00:00:00Z&spr=https&s^ig={a62:43}%3D
tencent-secret-key         | TENCENTCLOUD_SECRET_KEY    | {a62:32}
ibm-cloud-api-key          | IBM_CLOUD_API_KEY          | {b64u:44}
linode-token               | LINODE_TOKEN               | {hex:64}
scaleway-access-key        | SCW_ACCESS_KEY             | SC^W{uc36:17}
scaleway-secret-key        | SCW_SECRET_KEY             | {uuid}
vultr-api-key              | VULTR_API_KEY              | {uc36:36}
hetzner-api-token          | HCLOUD_TOKEN               | {a62:64}
netlify-legacy-token       | NETLIFY_API_TOKEN          | {b64u:43}
render-api-key             | RENDER_API_KEY             | rn^d_{a62:32}
railway-token              | RAILWAY_TOKEN              | {uuid}
dropbox-token              | DROPBOX_ACCESS_TOKEN       | s^l.{b64u:138}
crates-io-token            | CARGO_REGISTRY_TOKEN       | ci^o{a62:32}
dockerhub-oat              | DOCKERHUB_ORG_TOKEN        | dckr^_oat_{b64u:32}
circleci-personal-token    | CIRCLE_TOKEN               | {hex:40}
buildkite-agent-token      | BUILDKITE_AGENT_TOKEN      | {hex:50}
travis-ci-token            | TRAVIS_TOKEN               | {b64u:22}
sonar-user-token           | SONAR_USER_TOKEN           | sq^u_{hex:40}
sonar-global-token         | SONAR_GLOBAL_TOKEN         | sq^a_{hex:40}
codecov-token              | CODECOV_TOKEN              | {uuid}
sidekiq-url                | SIDEKIQ_GEMS_URL           | https://{hex:8}:{hex:8}@gems.^contribsys.com/
looker-client-id           | LOOKER_CLIENT_ID           | {a62:20}
auth0-client-secret        | AUTH0_CLIENT_SECRET        | {b64u:64}
settlemint-application-token | SETTLEMINT_APP_TOKEN     | sm^_aat_{a62:16}
settlemint-service-token   | SETTLEMINT_SERVICE_TOKEN   | sm^_sat_{a62:16}
shortcut-api-token         | SHORTCUT_API_TOKEN         | {uuid}
gitter-token               | GITTER_TOKEN               | {hex:40}
vault-legacy-token         | VAULT_LEGACY_TOKEN         | s.{a62:24}
doppler-cli-token          | DOPPLER_CLI_TOKEN          | dp.^ct.{a62:43}
doppler-service-account-token | DOPPLER_SA_TOKEN        | dp.^sa.{a62:43}
doppler-scim-token         | DOPPLER_SCIM_TOKEN         | dp.^scim.{a62:43}
doppler-audit-token        | DOPPLER_AUDIT_TOKEN        | dp.^audit.{a62:43}
plaid-client-id            | PLAID_CLIENT_ID            | {hex:24}
kucoin-api-key             | KUCOIN_API_KEY             | {hex:24}
binance-api-key            | BINANCE_API_KEY            | {a62:64}
finicity-api-token         | FINICITY_APP_KEY           | {hex:32}
flutterwave-encryption-key | FLUTTERWAVE_ENCRYPTION_KEY | FLWSEC^K_TEST{hex:12}
razorpay-key-id            | RAZORPAY_KEY_ID            | rz^p_live_{a62:14}
gocardless-token           | GOCARDLESS_ACCESS_TOKEN    | li^ve_{b64u:40}
easypost-test-key          | EASYPOST_TEST_KEY          | EZ^TK{a62:54}
discord-client-secret      | DISCORD_CLIENT_SECRET      | {b64u:32}
teams-webhook              | TEAMS_WEBHOOK_URL          | https://octo.webhook.^office.com/webhookb2/{uuid}@{uuid}/IncomingWebhook/{hex:32}/{uuid}
twilio-auth-token          | TWILIO_AUTH_TOKEN          | {hex:32}
mailgun-public-key         | MAILGUN_PUBLIC_KEY         | pub^key-{hex:32}
mandrill-api-key           | MANDRILL_API_KEY           | {b64u:22}
postmark-token             | POSTMARK_SERVER_TOKEN      | {uuid}
brevo-api-key              | BREVO_API_KEY              | xkey^sib-{hex:64}-{a62:16}
brevo-smtp-key             | BREVO_SMTP_KEY             | xsmtp^sib-{hex:64}-{a62:16}
messagebird-client-id      | MESSAGEBIRD_CLIENT_ID      | {uuid}
vonage-api-secret          | VONAGE_API_SECRET          | {a62:16}
sendbird-app-id            | SENDBIRD_APP_ID            | {uuid}
twitter-api-key            | TWITTER_API_KEY            | {a62:25}
twitter-access-token       | TWITTER_ACCESS_TOKEN       | {dig:19}-{a62:40}
twitter-access-secret      | TWITTER_ACCESS_SECRET      | {a62:45}
facebook-access-token      | FACEBOOK_ACCESS_TOKEN      | EA^AG{a62:180}
facebook-app-secret        | FACEBOOK_APP_SECRET        | {hex:32}
linkedin-client-id         | LINKEDIN_CLIENT_ID         | {lc36:14}
twitch-api-token           | TWITCH_API_TOKEN           | {lc36:30}
openrouter-api-key         | OPENROUTER_API_KEY         | sk-^or-v1-{hex:64}
fireworks-api-key          | FIREWORKS_API_KEY          | f^w_{a62:24}
deepseek-api-key           | DEEPSEEK_API_KEY           | sk-{hex:32}
together-api-key           | TOGETHER_API_KEY           | {hex:64}
elevenlabs-api-key         | ELEVENLABS_API_KEY         | s^k_{hex:48}
wandb-api-key              | WANDB_API_KEY              | {hex:40}
assemblyai-api-key         | ASSEMBLYAI_API_KEY         | {hex:32}
pinecone-api-key           | PINECONE_API_KEY           | pcs^k_{a62:6}_{a62:63}
newrelic-license-key       | NEW_RELIC_LICENSE_KEY      | {hex:36}NRAL
sentry-legacy-token        | SENTRY_API_TOKEN           | {hex:64}
honeycomb-api-key          | HONEYCOMB_API_KEY          | {a62:22}
rollbar-token              | ROLLBAR_ACCESS_TOKEN       | {hex:32}
bugsnag-api-key            | BUGSNAG_API_KEY            | {hex:32}
opsgenie-api-key           | OPSGENIE_API_KEY           | {uuid}
pagerduty-token            | PAGERDUTY_TOKEN            | {b64u:20}
splunk-hec-token           | SPLUNK_HEC_TOKEN           | {uuid}
logzio-token               | LOGZIO_TOKEN               | {a62:32}
launchdarkly-token         | LAUNCHDARKLY_ACCESS_TOKEN  | ap^i-{uuid}
mixpanel-secret            | MIXPANEL_API_SECRET        | {hex:32}
posthog-personal-key       | POSTHOG_PERSONAL_API_KEY   | ph^x_{a62:43}
linear-client-secret       | LINEAR_CLIENT_SECRET       | {hex:32}
clickup-token              | CLICKUP_API_TOKEN          | p^k_{dig:8}_{uc36:32}
hubspot-api-key            | HUBSPOT_API_KEY            | {uuid}
beamer-api-token           | BEAMER_API_KEY             | b^_{b64u:44}
flickr-api-key             | FLICKR_API_KEY             | {hex:32}
dropbox-api-secret         | DROPBOX_APP_SECRET         | {lc36:15}
zoom-client-secret         | ZOOM_CLIENT_SECRET         | {a62:32}
`;

/** One credential type: where its samples go, and how a sample is made. */
export interface CredentialFormat {
  id: string;
  /** The UPPER_SNAKE name the sample is assigned to; each layout spells it its own way. */
  key: string;
  template: string;
  /** The fixed text before the first random part (with `^` removed): a rule's keyword, if any. */
  prefix: string;
}

/** Every credential type the corpus has samples for, parsed from FORMAT_TABLE. */
export const FORMATS: CredentialFormat[] = FORMAT_TABLE.trim()
  .split('\n')
  .map((row) => {
    const [id, key, template] = row.split('|').map((c) => c.trim()) as [string, string, string];
    const literal = template.split('{')[0]!.replace(/\^/g, '');
    return { id, key, template, prefix: literal };
  });

/** A deterministic xorshift generator, so a corpus is the same on every run. */
function rng(seed: number): (n: number) => number {
  let x = (seed * 2654435761) >>> 0 || 1;
  return (n) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x % n;
  };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC32 (IEEE), as GitHub and npm compute their token checksums. */
export function crc32(text: string): number {
  let c = 0xffffffff;
  for (const b of Buffer.from(text)) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The base62 digits GitHub's and npm's checksums are written in: 0-9, then A-Z, then a-z. */
const BASE62_DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A number in base62, left-padded with zeros to `width` digits. */
function base62(n: number, width: number): string {
  let out = '';
  for (let v = n; v > 0; v = Math.floor(v / 62)) out = BASE62_DIGITS[v % 62]! + out;
  return out.padStart(width, '0');
}

const b64url = (s: string): string => Buffer.from(s).toString('base64url');

/** Makes one sample of a template. */
export function makeSample(template: string, seed: number): string {
  const next = rng(seed);
  const pick = (alphabet: string, n: number): string =>
    Array.from({ length: n }, () => alphabet[next(alphabet.length)]).join('');
  let random = '';
  return template.replace(/\^/g, '').replace(/\{(\w+)(?::([^}]+))?\}/g, (_, name: string, arg?: string) => {
    if (name === 'crc') return base62(crc32(random), 6);
    if (name === 'uuid') {
      const h = pick(ALPHABETS.hex!, 32);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
    }
    if (name === 'jwtb64') return Buffer.from(makeSample('{jwt}', next(1e9))).toString('base64');
    if (name === 'jwt')
      return `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(`{"sub":"${next(1e9)}","name":"svc-${pick(ALPHABETS.lc36!, 6)}","iat":${1.7e9 + next(1e7)}}`)}.${pick(ALPHABETS.b64u!, 43)}`;
    if (name === 'pem')
      return `-----BEGIN ${arg}-----\\n${pick(ALPHABETS.b64!, 64)}\\n${pick(ALPHABETS.b64!, 64)}\\n-----END ${arg}-----`;
    const alphabet = ALPHABETS[name];
    if (!alphabet) throw new Error(`unknown alphabet ${name} in ${template}`);
    const part = pick(alphabet, Number(arg));
    random += part;
    return part;
  });
}

/**
 * Throws when the generator is wrong: CRC32 against its published check value, GitHub's and npm's
 * checksum recomputed from the sample, and every template made twice (the same) at its length.
 */
export function selfCheck(): void {
  if (crc32('123456789') !== 0xcbf43926) throw new Error('crc32 does not give the CRC-32/ISO-HDLC check value');
  for (const f of FORMATS) {
    const a = makeSample(f.template, 7);
    if (a !== makeSample(f.template, 7) || !a.startsWith(f.prefix)) throw new Error(`${f.id}: sample not stable`);
    if (f.template.endsWith('{crc}')) {
      const body = a.slice(f.prefix.length, -6);
      if (body.length !== 30 || a.slice(-6) !== base62(crc32(body), 6))
        throw new Error(`${f.id}: bad checksum in ${a}`);
    }
  }
}

/** An assignment layout: the file it sits in, and how it spells a key and writes the line. */
interface Layout {
  name: string;
  file: string;
  /** Lines before the sample, so that it is not on line 1. */
  head: string[];
  line: (key: string, value: string) => string;
  tail?: string[];
}

const camel = (key: string): string => key.toLowerCase().replace(/_+([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const dotted = (key: string): string => key.toLowerCase().replace(/_+/g, '.');
const snake = (key: string): string => key.toLowerCase();
const xmlAttr = (v: string): string => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The layouts from issue 13, each as people write it. */
export const LAYOUTS: Layout[] = [
  { name: 'env', file: '.env', head: ['# service settings', 'APP_ENV=production'], line: (k, v) => `${k}=${v}` },
  {
    name: 'ini',
    file: 'settings.ini',
    head: ['[service]', 'region = eu-west-1'],
    line: (k, v) => `${snake(k)} = ${v}`,
  },
  {
    name: 'properties',
    file: 'application.properties',
    head: ['# Spring settings', 'server.port=8080'],
    line: (k, v) => `${dotted(k)}=${v}`,
  },
  {
    name: 'yaml',
    file: 'config.yaml',
    head: ['service:', '  region: eu-west-1'],
    line: (k, v) => `  ${snake(k)}: ${v}`,
  },
  {
    name: 'json',
    file: 'config.json',
    head: ['{', '  "region": "eu-west-1",'],
    line: (k, v) => `  "${camel(k)}": "${v.replace(/\\(?!n)/g, '\\\\')}"`,
    tail: ['}'],
  },
  {
    name: 'toml',
    file: 'config.toml',
    head: ['[service]', 'region = "eu-west-1"'],
    line: (k, v) => `${snake(k)} = "${v}"`,
  },
  {
    name: 'xml-element',
    file: 'settings.xml',
    head: ['<?xml version="1.0" encoding="UTF-8"?>', '<settings>'],
    line: (k, v) => `  <${camel(k)}>${xmlAttr(v)}</${camel(k)}>`,
    tail: ['</settings>'],
  },
  {
    name: 'xml-attribute',
    file: 'web.config',
    head: ['<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <appSettings>'],
    line: (k, v) => `    <add key="${k}" value="${xmlAttr(v)}" />`,
    tail: ['  </appSettings>', '</configuration>'],
  },
  {
    name: 'go',
    file: 'config.go',
    head: ['package config', ''],
    line: (k, v) => `var ${camel(k)} string = \`${v}\``,
  },
  {
    name: 'php',
    file: 'config.php',
    head: ['<?php', '$config = [];'],
    line: (k, v) => `$config['${snake(k)}'] = '${v}';`,
  },
  {
    name: 'makefile',
    file: 'Makefile',
    head: ['.PHONY: deploy', 'REGION ?= eu-west-1'],
    line: (k, v) => `${k} ?= ${v}`,
  },
  {
    name: 'shell-export',
    file: 'deploy.sh',
    head: ['#!/usr/bin/env bash', 'set -euo pipefail'],
    line: (k, v) => `export ${k}="${v}"`,
  },
  {
    name: 'java-setproperty',
    file: 'Config.java',
    head: ['class Config {', '  static void init() {'],
    line: (k, v) => `    System.setProperty("${dotted(k)}", "${v}");`,
    tail: ['  }', '}'],
  },
  {
    name: 'java-put',
    file: 'Settings.java',
    head: ['class Settings {', '  static void fill(java.util.Map<String, String> props) {'],
    line: (k, v) => `    props.put("${dotted(k)}", "${v}");`,
    tail: ['  }', '}'],
  },
  {
    name: 'js-const',
    file: 'config.ts',
    head: ["import { client } from './client';", ''],
    line: (k, v) => `const ${camel(k)} = '${v}';`,
  },
  { name: 'python', file: 'settings.py', head: ['import os', ''], line: (k, v) => `${k} = "${v}"` },
];

/** A look-alike that is not a secret, with the key it is assigned to. */
interface Decoy {
  id: string;
  kind: string;
  key: string;
  value: string;
}

/** Placeholders behind each type's real prefix, and common non-secrets named like secrets. */
export function decoys(): Decoy[] {
  const out: Decoy[] = [];
  const sample = (f: CredentialFormat): string => makeSample(f.template, 1);
  for (const f of FORMATS.filter((f) => f.prefix.length >= 3)) {
    const rest = sample(f).length - f.prefix.length;
    if (rest < 8) continue;
    const seq = 'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(8).slice(0, rest);
    out.push(
      { id: `${f.id}/x`, kind: 'placeholder', key: f.key, value: f.prefix + 'x'.repeat(rest) },
      { id: `${f.id}/X`, kind: 'placeholder', key: f.key, value: f.prefix + 'X'.repeat(rest) },
      { id: `${f.id}/star`, kind: 'placeholder', key: f.key, value: f.prefix + '*'.repeat(rest) },
      { id: `${f.id}/hash`, kind: 'placeholder', key: f.key, value: f.prefix + '#'.repeat(rest) },
      { id: `${f.id}/dots`, kind: 'placeholder', key: f.key, value: `${f.prefix}${'.'.repeat(Math.min(rest, 3))}` },
      { id: `${f.id}/sequential`, kind: 'placeholder', key: f.key, value: f.prefix + seq },
      {
        id: `${f.id}/repeated`,
        kind: 'placeholder',
        key: f.key,
        value: f.prefix + 'abc123'.repeat(rest).slice(0, rest),
      },
    );
  }
  const a62 = ALPHABETS.a62!;
  const hex = (seed: number, n: number): string => makeSample(`{hex:${n}}`, seed);
  const pem = (kind: string, body: string): string => `-----BEGIN ${kind}-----\\n${body}\\n-----END ${kind}-----`;
  out.push(
    { id: 'pem/empty', kind: 'placeholder', key: 'TLS_PRIVATE_KEY', value: pem('PRIVATE KEY', '') },
    { id: 'pem/dots', kind: 'placeholder', key: 'SSH_PRIVATE_KEY', value: pem('RSA PRIVATE KEY', '...') },
    { id: 'pem/your-key', kind: 'placeholder', key: 'SIGNING_KEY', value: pem('PRIVATE KEY', '<your key here>') },
    { id: 'short/slack', kind: 'placeholder', key: 'SLACK_BOT_TOKEN', value: ['xo', 'xb-12345-abcd234'].join('') },
    {
      id: 'short/anthropic',
      kind: 'placeholder',
      key: 'ANTHROPIC_API_KEY',
      value: ['sk-', 'ant-api03-abc123xyz'].join(''),
    },
    { id: 'alphabet/base62', kind: 'alphabet', key: 'TOKEN_ALPHABET', value: a62 },
    { id: 'alphabet/base64', kind: 'alphabet', key: 'SECRET_CHARSET', value: ALPHABETS.b64! },
    { id: 'alphabet/base32', kind: 'alphabet', key: 'KEY_ALPHABET', value: ALPHABETS.up32! },
    { id: 'alphabet/hex', kind: 'alphabet', key: 'TOKEN_HEX_DIGITS', value: '0123456789abcdefABCDEF' },
    {
      id: 'alphabet/lowercase',
      kind: 'alphabet',
      key: 'PASSWORD_CHARS',
      value: 'abcdefghijklmnopqrstuvwxyz0123456789',
    },
    {
      id: 'public/ssh-rsa',
      kind: 'public key',
      key: 'DEPLOY_PUBLIC_KEY',
      value: `ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ${makeSample('{b64:300}', 7)} deploy@ci`,
    },
    {
      id: 'public/ssh-ed25519',
      kind: 'public key',
      key: 'SSH_AUTHORIZED_KEY',
      value: `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${makeSample('{b64:43}', 8)} ops@host`,
    },
    {
      id: 'public/pem',
      kind: 'public key',
      key: 'JWT_PUBLIC_KEY',
      value: `-----BEGIN PUBLIC KEY-----\\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${makeSample('{b64:40}', 9)}\\n-----END PUBLIC KEY-----`,
    },
    { id: 'public/age', kind: 'public key', key: 'SOPS_AGE_RECIPIENT', value: `age1${makeSample('{bech32:58}', 10)}` },
    {
      id: 'public/stripe-publishable',
      kind: 'public key',
      key: 'STRIPE_PUBLISHABLE_KEY',
      value: `pk_live_${makeSample('{a62:99}', 11)}`,
    },
    { id: 'public/key-named', kind: 'public key', key: 'PUBLIC_API_KEY', value: makeSample('{a62:32}', 12) },
    { id: 'hash/sha256', kind: 'hash', key: 'TOKEN_SHA256', value: hex(13, 64) },
    { id: 'hash/sha1', kind: 'hash', key: 'SECRET_CHECKSUM', value: hex(14, 40) },
    { id: 'hash/md5', kind: 'hash', key: 'AUTH_CACHE_KEY', value: hex(15, 32) },
    { id: 'hash/integrity', kind: 'hash', key: 'KEY_INTEGRITY', value: `sha512-${makeSample('{b64:86}', 16)}==` },
    { id: 'hash/git-sha', kind: 'hash', key: 'AUTH_COMMIT_SHA', value: hex(17, 40) },
    { id: 'uuid/request', kind: 'uuid', key: 'AUTH_REQUEST_ID', value: makeSample('{uuid}', 18) },
    { id: 'uuid/tenant', kind: 'uuid', key: 'TOKEN_TENANT_ID', value: makeSample('{uuid}', 19) },
    { id: 'oid/rsa-sha256', kind: 'oid', key: 'KEY_ALGORITHM_OID', value: '1.2.840.113549.1.1.11' },
    { id: 'oid/ec-p256', kind: 'oid', key: 'SIGNING_KEY_CURVE_OID', value: '1.2.840.10045.3.1.7' },
    { id: 'oid/snmp', kind: 'oid', key: 'AUTH_TRAP_OID', value: '1.3.6.1.4.1.311.21.8.15538479.3958624' },
  );
  return out;
}

/** Where each sample sits: the file (relative to the corpus root) and its line, with what it is. */
export interface CorpusEntry {
  file: string;
  line: number;
  /** The credential type, or the decoy id. */
  id: string;
  layout: string;
  secret: boolean;
  /** For a decoy: placeholder, alphabet, public key, hash, uuid, oid. */
  kind?: string;
}

/** Writes one file of a layout holding one assignment; returns the file and the assignment's line. */
function writeOne(
  root: string,
  dir: string,
  layout: Layout,
  key: string,
  value: string,
): { file: string; line: number } {
  const file = `${dir}/${layout.file}`;
  mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, file), [...layout.head, layout.line(key, value), ...(layout.tail ?? []), ''].join('\n'));
  return { file, line: layout.head.length + 1 };
}

/** Writes the corpus under `root` (emptied first) and returns where every sample and decoy is. */
export function writeCorpus(root: string): CorpusEntry[] {
  rmSync(root, { recursive: true, force: true });
  const entries: CorpusEntry[] = [];
  FORMATS.forEach((f, i) => {
    LAYOUTS.forEach((layout, j) => {
      const value = makeSample(f.template, 1000 * (i + 1) + j);
      entries.push({
        ...writeOne(root, `secrets/${f.id}/${layout.name}`, layout, f.key, value),
        id: f.id,
        layout: layout.name,
        secret: true,
      });
    });
  });
  // A placeholder goes in four layouts (turn by turn), every other decoy in all of them.
  decoys().forEach((d, i) => {
    const layouts =
      d.kind === 'placeholder' ? [0, 1, 2, 3].map((k) => LAYOUTS[(i * 4 + k) % LAYOUTS.length]!) : LAYOUTS;
    for (const layout of layouts)
      entries.push({
        ...writeOne(root, `decoys/${d.id.replace(/\//g, '--')}/${layout.name}`, layout, d.key, d.value),
        id: d.id,
        layout: layout.name,
        secret: false,
        kind: d.kind,
      });
  });
  return entries;
}
