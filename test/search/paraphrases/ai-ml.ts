import type { RelevanceCase } from '../relevance-queries.js';

/** Held-out paraphrases for AI and machine learning: written by the reviewer, not the note's writer. */
export const AI_ML_PARAPHRASES: RelevanceCase[] = [
  { query: 'jupyter notebooks to train a model on my own data', expected: 'sagemaker-ai' },
  { query: 'what is sagemkaer used for', expected: 'sagemaker-ai' },
  { query: 'use claude or llama models from aws through an api', expected: 'bedrock' },
  { query: 'call an llm from my application without hosting gpus', expected: 'bedrock' },
  {
    query: 'ai chat that answers questions about my resources in the console',
    expected: 'amazon-q',
  },
  { query: 'ai pair programmer plugin for vs code from aws', expected: 'amazon-q' },
  { query: 'detect faces in photos that users upload', expected: 'rekognition' },
  { query: 'check uploaded pictures for violence or explicit content', expected: 'rekognition' },
  { query: 'is this customer email angry or happy', expected: 'comprehend' },
  { query: 'pull out names of people and companies mentioned in text', expected: 'comprehend' },
  { query: 'chat bot for my website that books appointments', expected: 'lex' },
  { query: 'voice bot for our phone line that understands what callers want', expected: 'lex' },
  { query: 'convert a blog post into an mp3 narration', expected: 'polly' },
  { query: 'generate spoken audio from a written script', expected: 'polly' },
  { query: 'turn recorded meetings into written text', expected: 'transcribe' },
  { query: 'get a text transcript of my podcast audio', expected: 'transcribe' },
  { query: 'convert my product descriptions from english to german', expected: 'translate' },
  { query: 'translating chat messages between customers in real time', expected: 'translate' },
  { query: 'read handwritten forms and pull out the fields', expected: 'textract' },
  { query: 'get line items and totals out of scanned receipts', expected: 'textract' },
  {
    query: 'search for our intranet that answers staff questions in plain english',
    expected: 'kendra',
  },
  { query: 'let employees ask questions across internal wikis and pdfs', expected: 'kendra' },
  { query: 'customers who bought this also bought suggestions', expected: 'personalize' },
  { query: 'recomendations for each viewer on my video site', expected: 'personalize' },
];
