// AI model providers and their tooling.
import type { SecretRule } from '../rules.js';
import { HEX, keyed, token, UUID } from './define.js';

const critical = { severity: 'critical' } as const;

/** AI platform credentials. */
export const AI_RULES: SecretRule<RegExp>[] = [
  token(
    'openai-key',
    'OpenAI API key',
    ['t3blbkfj'],
    /\b(sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,})/g,
    critical,
  ),
  token(
    'anthropic-key',
    'Anthropic API key',
    ['sk-ant-'],
    /\b(sk-ant-(?:api03|admin01)-[A-Za-z0-9_-]{80,}AA)(?![A-Za-z0-9_-])/g,
    critical,
  ),
  token('huggingface-token', 'Hugging Face access token', ['hf_'], /\b(hf_[A-Za-z]{34})\b/g),
  token('huggingface-org-token', 'Hugging Face organization API token', ['api_org_'], /\b(api_org_[A-Za-z]{34})\b/g),
  token('groq-api-key', 'Groq API key', ['gsk_'], /\b(gsk_[A-Za-z0-9]{52})\b/g),
  token('replicate-token', 'Replicate API token', ['r8_'], /\b(r8_[A-Za-z0-9]{37})\b/g),
  token('perplexity-api-key', 'Perplexity API key', ['pplx-'], /\b(pplx-[A-Za-z0-9]{48})\b/g),
  token('xai-api-key', 'xAI API key', ['xai-'], /\b(xai-[A-Za-z0-9]{80})\b/g),
  token('openrouter-api-key', 'OpenRouter API key', ['sk-or-v1-'], /\b(sk-or-v1-[a-f0-9]{64})\b/g),
  token(
    'langsmith-api-key',
    'LangSmith API key',
    ['lsv2_pt_', 'lsv2_sk_'],
    /\b(lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10})\b/g,
  ),
  token('fireworks-api-key', 'Fireworks AI API key', ['fw_'], /\b(fw_[A-Za-z0-9]{24})\b/g),
  keyed('cohere-api-key', 'Cohere API key', ['cohere', 'co_api_key'], '[a-z0-9]{40}'),
  keyed('mistral-api-key', 'Mistral AI API key', ['mistral'], '[a-z0-9]{32}'),
  keyed('deepseek-api-key', 'DeepSeek API key', ['deepseek'], `sk-${HEX(32)}`),
  keyed('together-api-key', 'Together AI API key', ['together_api', 'together-api', 'togetherai'], HEX(64)),
  keyed(
    'elevenlabs-api-key',
    'ElevenLabs API key',
    ['elevenlabs', 'xi-api-key', 'xi_api_key'],
    `(?:sk_)?${HEX(32)}(?:${HEX(16)})?`,
  ),
  keyed('wandb-api-key', 'Weights & Biases API key', ['wandb'], HEX(40)),
  keyed('assemblyai-api-key', 'AssemblyAI API key', ['assemblyai', 'assembly_ai'], HEX(32)),
  keyed('pinecone-api-key', 'Pinecone API key', ['pinecone'], `(?:pcsk_[a-z0-9]{5,8}_[a-z0-9]{60,70}|${UUID})`),
];
