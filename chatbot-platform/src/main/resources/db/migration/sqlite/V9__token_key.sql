-- The key that signs the Chatbot API's access tokens, so that they outlive restarts and every
-- node sharing the store takes them.
INSERT INTO platform_secrets (name, value) VALUES ('token_key', lower(hex(randomblob(32))));
