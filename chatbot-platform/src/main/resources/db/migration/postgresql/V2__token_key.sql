-- The key that signs the Chatbot API's access tokens, so that they outlive restarts and every
-- node sharing the store takes them. 64 hex digits, made as V1 makes chat_id.
INSERT INTO platform_secrets (name, value)
  VALUES ('token_key', encode(sha256((gen_random_uuid()::text || gen_random_uuid()::text)::bytea),
    'hex'));
