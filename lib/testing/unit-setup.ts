// Unit tests never touch .data/: a fixed master key for the crypto under test.
process.env.PORTICO_SECRET_KEY ??= '0'.repeat(64);
