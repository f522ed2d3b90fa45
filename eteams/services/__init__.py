"""Domain logic with no request object: plain values and a session in, plain values out."""
