package io.livechain.infrastructure.axon;

import io.livechain.shared.DeskCommand;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;

/**
 * The two routes stay apart (docs/architecture.md): a {@link DeskCommand} is decided by the desk, in its batch, and
 * the command gateway refuses to send one on the command bus, where it would bypass the desk's single writer.
 */
@Component
public class DeskCommandsStayOffTheBus implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (command.getPayload() instanceof DeskCommand) {
                throw new IllegalStateException(command.getPayloadType().getSimpleName()
                        + " is decided by the desk (a use case in its context's desk package), never on the command"
                        + " bus");
            }
            return command;
        };
    }
}
