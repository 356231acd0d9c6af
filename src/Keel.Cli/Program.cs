using Keel.Cli.Commands;

return KeelCommand.Run(args);
