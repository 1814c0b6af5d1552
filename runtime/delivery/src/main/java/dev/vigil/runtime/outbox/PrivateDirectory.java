package dev.vigil.runtime.outbox;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * Directories that only the user running Vigil can change: each one Vigil creates is made {@code 0700};
 * each one that exists must be a real directory (not a symbolic link, checked without following it),
 * owned by that user and not writable by anyone else, or it is refused with an {@link
 * UnsafeDirectoryException} naming it and the fix. On a file system without POSIX permissions the
 * directories are only created.
 */
public final class PrivateDirectory {
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final String OWN_PROCESS = "/proc/self";

    private PrivateDirectory() {
    }

    /**
     * {@code base} followed by {@code levels}: every level is created {@code 0700} or, when it exists,
     * checked; {@code base} itself is the user's to choose (e.g. their home) and is only created.
     */
    public static Path under(Path base, String... levels) throws IOException {
        Path dir = base;
        Files.createDirectories(base);
        for (String level : levels) {
            dir = dir.resolve(level);
            ensure(dir);
        }
        return dir;
    }

    /** {@code dir}, created {@code 0700} with any missing parents, or checked when it exists. */
    public static Path ensure(Path dir) throws IOException {
        if (!posix(dir)) {
            return Files.createDirectories(dir);
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null && Files.notExists(parent, LinkOption.NOFOLLOW_LINKS)) {
            ensure(parent);
        }
        try {
            Files.createDirectory(dir, OWNER_ONLY);
        } catch (FileAlreadyExistsException exists) {
            check(dir);
        }
        return dir;
    }

    private static boolean posix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void check(Path dir) throws IOException {
        PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isSymbolicLink()) {
            throw new UnsafeDirectoryException(dir, "is a symbolic link", "remove the link");
        }
        if (!a.isDirectory()) {
            throw new UnsafeDirectoryException(dir, "is not a directory", "remove or rename it");
        }
        UserPrincipal me = currentUser(dir);
        if (!a.owner().equals(me)) {
            throw new UnsafeDirectoryException(dir, "is owned by " + a.owner().getName() + ", not by " + me.getName(),
                    "remove it (another user may have prepared it)");
        }
        Set<PosixFilePermission> p = a.permissions();
        if (p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new UnsafeDirectoryException(dir, "can be written by other users (" + PosixFilePermissions.toString(p) + ")",
                    "chmod 700 it");
        }
    }

    /** The user this process runs as: the owner of its /proc entry, or the user named by {@code user.name}. */
    private static UserPrincipal currentUser(Path near) throws IOException {
        Path self = near.getFileSystem().getPath(OWN_PROCESS);
        if (Files.isDirectory(self)) {
            return Files.getOwner(self);
        }
        return near.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
    }
}
