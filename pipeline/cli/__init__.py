"""The ``hoinghi`` command: each command parses its options, calls one library function and turns
its errors into a message and an exit code."""
