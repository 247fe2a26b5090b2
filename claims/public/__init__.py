"""What readers see without an account: published fact-checks at
/fact-checks/, their index, sitemap and feeds. Every page is built from
claims.public_record.PublicRecord, never from a claim's live fields, so a
draft verdict or an unpublished edit can never reach a reader."""
