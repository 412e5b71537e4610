-- The file store's own record of every stored file (decision 0056): its SHA-256 and size, so that a
-- file is checked when it is read (on any node, from the local directory or S3) and served with an ETag.
create table stored_file (
    storage_key text primary key,
    sha256 text not null,
    size_bytes bigint not null,
    created_at timestamptz not null default now()
);

-- files attached before: their checksums are known already
insert into stored_file (storage_key, sha256, size_bytes, created_at)
select storage_key, sha256, size_bytes, created_at from attachment where sha256 <> ''
on conflict (storage_key) do nothing;
