from bp_till.cli import main

raise SystemExit(main())
