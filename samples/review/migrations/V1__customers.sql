-- V1: new objects only. Tables created here are new and empty, so size rules leave them alone.
CREATE TABLE customers (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email      text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customers_email_idx ON customers (email);
CREATE SEQUENCE invoice_no_seq;
CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');
CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
CREATE VIEW active_customers AS
    SELECT id, email FROM customers WHERE created_at > now() - interval '1 year';
