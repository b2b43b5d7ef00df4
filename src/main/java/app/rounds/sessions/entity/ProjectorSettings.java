package app.rounds.sessions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.util.Objects;

/** How the projector shows a session: its theme, and whether it shows the QR code and the number of participants. */
@Embeddable
public class ProjectorSettings {

    @Enumerated(EnumType.STRING)
    @Column(name = "projector_theme", nullable = false, length = 8)
    private ProjectorTheme theme;

    @Column(name = "projector_show_qr_code", nullable = false)
    private boolean showQrCode;

    @Column(name = "projector_show_participants", nullable = false)
    private boolean showParticipants;

    protected ProjectorSettings() {
    }

    public ProjectorSettings(ProjectorTheme theme, boolean showQrCode, boolean showParticipants) {
        this.theme = Objects.requireNonNull(theme);
        this.showQrCode = showQrCode;
        this.showParticipants = showParticipants;
    }

    /** A new session's: dark, with the QR code, without the participant count. */
    public static ProjectorSettings standard() {
        return new ProjectorSettings(ProjectorTheme.DARK, true, false);
    }

    public ProjectorTheme theme() {
        return theme;
    }

    public boolean showQrCode() {
        return showQrCode;
    }

    public boolean showParticipants() {
        return showParticipants;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProjectorSettings other && theme == other.theme && showQrCode == other.showQrCode
                && showParticipants == other.showParticipants;
    }

    @Override
    public int hashCode() {
        return Objects.hash(theme, showQrCode, showParticipants);
    }
}
