namespace Twin.Data.Store;

/// <summary>
/// Files only the app's own account may read: the database, the audit key, the anchors and the
/// Data Protection keys hold personal data or secrets, and a default umask leaves them readable by
/// every local account (0644). On Windows the folder's ACLs decide and nothing is changed here.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates the folder (0700 when new; an existing folder is the operator's choice and is left as it is).</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, DirectoryMode);
        }
    }

    /// <summary>Narrows an existing file to 0600.</summary>
    public static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path))
        {
            File.SetUnixFileMode(path, FileMode);
        }
    }

    /// <summary>Options to open <paramref name="mode"/> a file that is created 0600 if it does not exist yet.</summary>
    public static FileStreamOptions Options(System.IO.FileMode mode, FileAccess access, FileOptions options = FileOptions.None)
    {
        var result = new FileStreamOptions { Mode = mode, Access = access, Share = FileShare.Read, Options = options };
        if (!OperatingSystem.IsWindows() && mode is System.IO.FileMode.Append or System.IO.FileMode.Create or System.IO.FileMode.CreateNew or System.IO.FileMode.OpenOrCreate)
        {
            result.UnixCreateMode = FileMode;
        }

        return result;
    }
}
