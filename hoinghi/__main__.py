"""``python -m hoinghi ...`` runs the ``hoinghi`` command."""
from hoinghi.pipeline.cli.main import main

if __name__ == "__main__":
    main(prog_name="hoinghi")
